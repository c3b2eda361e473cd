using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;
using Dapper;
using Microsoft.Data.Sqlite;
using static CampaignBot.Plans.PlanWriteSummary;

namespace CampaignBot.Plans;

/// <summary>
/// Writes the plan's people inside the import's transaction and says, against the ledger as it was,
/// who is new, who changed and how, which accounts of the 账号 column were linked, and who still
/// has no way to be recognised in chat.
/// </summary>
public static class PlanPeopleWriter
{
    public sealed record Result(
        IReadOnlyList<string> Created, IReadOnlyList<PersonUpdate> Updated, int Unchanged, IReadOnlyList<AccountLink> Linked, IReadOnlyList<string> WithoutAccount);

    public static async Task<Result> WriteAsync(
        DirectoryRepository directory, SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<PlanPerson> people, IReadOnlyDictionary<string, long> officeIds, DateTimeOffset at)
    {
        var before = (await directory.PeopleAsync(transaction)).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var names = before.Values.ToDictionary(p => p.Id, p => p.Name);
        var accountOwners = await PlanImportRepository.AccountOwnersAsync(connection, transaction);
        var created = new List<string>();
        var updated = new List<PersonUpdate>();
        var linked = new List<AccountLink>();
        foreach (var person in people)
        {
            var officeId = officeIds[person.Office];
            var personId = await directory.UpsertPersonAsync(transaction, person.Name, officeId, person.Role);
            await PlanImportRepository.UpdateContactAsync(connection, transaction, personId, person.Mobile, person.DingTalkUserId, person.WeComUserId);
            var changed = PersonFields.None;
            foreach (var account in person.Accounts)
            {
                var previous = accountOwners.TryGetValue(account, out var owner) ? owner : (long?)null;
                if (previous == personId)
                {
                    continue;
                }

                await directory.LinkAccountAsync(transaction, account, personId, null, at);
                accountOwners[account] = personId;
                linked.Add(new AccountLink(person.Name, account, previous is { } id ? names.GetValueOrDefault(id) : null));
                changed |= PersonFields.Accounts;
            }

            if (!before.TryGetValue(person.Name, out var known))
            {
                created.Add(person.Name);
                continue;
            }

            changed |= Changed(known, person, officeId);
            if (changed == PersonFields.None)
            {
                continue;
            }

            updated.Add(new PersonUpdate(person.Name, changed));
        }

        var withAccount = accountOwners.Values.ToHashSet();
        var after = (await directory.PeopleAsync(transaction)).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var without = people.Select(p => after[p.Name]).Where(p => !withAccount.Contains(p.Id) && p.DingTalkUserId is null && p.WeComUserId is null).Select(p => p.Name).ToList();
        return new Result(created, updated, people.Count - created.Count - updated.Count, linked, without);
    }

    /// <summary>What the sheet's row changes of a person the ledger has; an empty 手机 or ID cell keeps the ledger's.</summary>
    private static PersonFields Changed(Person known, PlanPerson row, long officeId) =>
        (known.OfficeId != officeId ? PersonFields.Office : PersonFields.None)
        | (known.Role != row.Role ? PersonFields.Role : PersonFields.None)
        | (row.Mobile is not null && row.Mobile != known.Mobile ? PersonFields.Mobile : PersonFields.None)
        | (row.DingTalkUserId is not null && row.DingTalkUserId != known.DingTalkUserId ? PersonFields.DingTalkId : PersonFields.None)
        | (row.WeComUserId is not null && row.WeComUserId != known.WeComUserId ? PersonFields.WeComId : PersonFields.None);
}
