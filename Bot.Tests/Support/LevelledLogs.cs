using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Tests.Support;

/// <summary>
/// Every log entry with its level, its structured values and the scopes it was written in: for
/// checking what may be logged at which level, and which scope a turn's lines carry.
/// </summary>
public sealed class LevelledLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <param name="Text">The message, its structured values, its scopes and exception, as one text to search.</param>
    public sealed record Entry(LogLevel Level, string Category, string Message, IReadOnlyList<IReadOnlyDictionary<string, object?>> Scopes, string Text);

    private sealed class Logger(LevelledLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<IReadOnlyDictionary<string, object?>>();
            owner.scopes.ForEachScope((scope, list) => list.Add(Values(scope)), scopes);
            var message = formatter(state, exception);
            var text = string.Join(" | ", [message, .. Values(state).Select(v => $"{v.Key}={v.Value}"),
                .. scopes.SelectMany(s => s.Select(v => $"{v.Key}={v.Value}")), exception?.ToString() ?? ""]);
            owner.Entries.Enqueue(new Entry(logLevel, category, message, scopes, text));
        }

        private static IReadOnlyDictionary<string, object?> Values(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : new Dictionary<string, object?> { ["Scope"] = state?.ToString() };
    }
}
