using System.Data;
using System.Globalization;
using Dapper;

namespace CampaignBot.Data;

/// <summary>
/// How ledger columns map to .NET values. Calendar dates are TEXT 'yyyy-MM-dd' (Microsoft.Data.Sqlite
/// binds DateOnly that way); instants are TEXT in UTC, written through <see cref="UtcText"/> because
/// Dapper does not route DateTimeOffset parameters through type handlers.
/// </summary>
public static class DapperConventions
{
    private static int registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new InstantHandler());
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value) => parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public override DateOnly Parse(object value) => DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = UtcText.Format(value);

        public override DateTimeOffset Parse(object value) => UtcText.Parse((string)value);
    }
}
