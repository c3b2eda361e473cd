using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Faults;

/// <summary>
/// Thousands of malformed and hostile requests to /api/messages, from a seeded generator: wrong
/// types, missing fields, huge texts, deep JSON, invalid dates, SQL and markup, unknown channels,
/// broken UTF-8, non-JSON. None may get a 5xx, crash the host, or change the ledger.
/// </summary>
[Needs(Needs.Host)]
public class MessagesFuzzTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const int Requests = 3_000;
    private readonly BotApplication bot = new();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Post_ThousandsOfHostileActivities_NoServerErrorAndLedgerUnchanged()
    {
        var client = bot.CreateClient();
        var before = await LedgerFingerprintAsync();
        var random = new Random(20261126);
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < Requests; i++)
        {
            using var content = Mutate(random, i);
            var response = await client.PostAsync("/api/messages", content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"request {i} got {status}: {await response.Content.ReadAsStringAsync()}");
        }

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.Equal(before, await LedgerFingerprintAsync());
        Assert.True(statuses.GetValueOrDefault(200) > Requests / 10, "too few requests got through to the bot to exercise it");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    /// <summary>Tasks, evidence and changes: what no stranger may alter.</summary>
    private async Task<string> LedgerFingerprintAsync()
    {
        using var ledger = bot.OpenLedger();
        return string.Join("|",
            await ledger.ExecuteScalarAsync<string>("SELECT group_concat(code || status || due_on || title, ';') FROM (SELECT * FROM task ORDER BY id)"),
            await ledger.ExecuteScalarAsync<long>("SELECT count(*) FROM evidence"),
            await ledger.ExecuteScalarAsync<long>("SELECT count(*) FROM audit"),
            await ledger.ExecuteScalarAsync<long>("SELECT count(*) FROM robot"));
    }

    private static readonly string[] HostileTexts =
    [
        "完成 T014", "重开 T001", "本群绑定 综合组", "关联 张伟 fuzz", "添加机器人 综合组 钉钉 https://evil.example/x SECx",
        "'; DROP TABLE task; --", "完成 T014' OR '1'='1", "<script>alert(1)</script>", "<at>CampaignBot</at><at>", "${jndi:ldap://x}",
        "2月30日到期", "9999-99-99到期", "到期 0/0", "\u0000\u0001\u0002", "𠜎𠜱𠝹𠱓", "‮reversed", "完成", "T", "%s%s%s%n",
    ];

    private static readonly string[] Channels = ["msteams", "emulator", "test", "directline", "webchat", "", "💥", new string('c', 5000)];

    private static HttpContent Mutate(Random random, int i)
    {
        var activity = Activities.Message($"fuzz-{i % 50}", HostileTexts[random.Next(HostileTexts.Length)], Channels[random.Next(Channels.Length)], $"fuzz-conv-{i % 20}", random.Next(2) == 0);
        switch (random.Next(14))
        {
            case 0: activity["type"] = Junk(random); break;
            case 1: activity.Remove(Pick(random, "type", "channelId", "conversation", "from", "serviceUrl")); break;
            case 2: activity["text"] = new string('字', random.Next(1_000, 200_000)); break;
            case 3: activity["timestamp"] = Pick(random, "yesterday", "2026-13-45T99:99:99Z", "", "0"); break;
            case 4: activity["conversation"] = Junk(random); break;
            case 5: activity["from"] = Junk(random); break;
            case 6: activity["serviceUrl"] = Pick(random, "javascript:alert(1)", "not a url", "ftp://x/", "http://", "http://[::1"); break;
            case 7: activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = Junk(random), ["contentUrl"] = "file:///etc/passwd", ["content"] = Junk(random) }); break;
            case 8: activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["mentioned"] = Junk(random), ["text"] = Junk(random) }); break;
            case 9: return new StringContent("{\"type\":\"message\",\"channelData\":" + new string('[', random.Next(40, 20_000)), Encoding.UTF8, "application/json");
            case 10: return new ByteArrayContent(RandomBytes(random)) { Headers = { { "Content-Type", "application/json" } } };
            case 11: return new StringContent(Activities.Serialize(activity)[..random.Next(1, 60)], Encoding.UTF8, "application/json");
            case 12: activity["channelData"] = new JsonObject { ["tenant"] = Junk(random), ["eventType"] = "teamMemberRemoved" }; break;
            default: break; // well-formed, hostile text only
        }

        return new StringContent(Activities.Serialize(activity), Encoding.UTF8, "application/json");
    }

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];

    private static JsonNode? Junk(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next()),
        2 => JsonValue.Create(random.NextDouble() * 1e308),
        3 => new JsonArray(JsonValue.Create("a"), JsonValue.Create(1)),
        4 => new JsonObject { ["id"] = new JsonArray() },
        _ => JsonValue.Create(new string('x', random.Next(0, 10_000))),
    };

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 4_000)];
        random.NextBytes(bytes);
        return bytes;
    }
}
