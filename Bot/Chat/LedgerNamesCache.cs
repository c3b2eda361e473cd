using CampaignBot.Chat.Replies;
using CampaignBot.Understanding;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;

namespace CampaignBot.Chat;

/// <summary>
/// The ledger's office and people names, task codes and workday calendar for the understanding
/// layer, and the few names the replies use (<see cref="LedgerWords"/>), read once and kept: they
/// change with a plan import, not with each message. A change made in this process (import,
/// seeding) is seen at once through <see cref="DirectoryRepository.Version"/>; one made by another
/// process (the operator's import verb) after at most <see cref="FreshFor"/>.
/// </summary>
public sealed class LedgerNamesCache(DirectoryRepository directory, TaskRepository tasks, LedgerDatabase database, TimeProvider time)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);

    private sealed record Snapshot(LedgerNames Names, LedgerWords Words, long Version, DateTimeOffset ReadAt);

    private volatile Snapshot? current;

    public async ValueTask<LedgerNames> GetAsync(CancellationToken cancellationToken) => (await SnapshotAsync(cancellationToken)).Names;

    /// <summary>The names replies take from the ledger: the coordinators' office, the help's examples.</summary>
    public async ValueTask<LedgerWords> GetWordsAsync(CancellationToken cancellationToken) => (await SnapshotAsync(cancellationToken)).Words;

    private async ValueTask<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (current is { } snapshot && snapshot.Version == DirectoryRepository.Version && now - snapshot.ReadAt < FreshFor)
        {
            return snapshot;
        }

        var version = DirectoryRepository.Version;
        var offices = await directory.OfficesAsync(cancellationToken);
        var people = await directory.PeopleAsync(cancellationToken);
        var codes = await tasks.CodesAsync(cancellationToken);
        Scheduling.Calendar.IWorkdayCalendar calendar;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            calendar = await WorkdayRepository.CalendarAsync(connection);
        }

        var read = new Snapshot(new LedgerNames(NamedOffices.Of(offices), people.Select(p => p.Name), codes) { Workdays = calendar }, LedgerWords.From(offices, people), version, now);
        current = read;
        return read;
    }
}
