using System.Diagnostics;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Browser;

/// <summary>
/// The Web Chat page in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core:
/// Browser/webchat.mjs) against the real bot on Kestrel: sign in as 张伟, ask 本周到期, press 完成,
/// send a photo with 完成, subscribe, and see a reminder the scheduler's job sends arrive in the
/// open page. The screenshot is kept under the test output (screenshots/webchat.png).
/// </summary>
[Needs(Needs.Browser)]
public sealed class WebChatPageTests
{
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task APerson_SignsIn_Asks_CompletesWithAPhoto_AndSeesAReminderArrive()
    {
        await using var app = new BotApplication(new Dictionary<string, string?> { ["DirectLine:SampleSignIn"] = "true" });
        var baseUrl = app.StartOnKestrel();
        var photo = Path.Combine(app.Folder, "现场.png");
        await File.WriteAllBytesAsync(photo, TestImages.Png);
        Directory.CreateDirectory(Screenshots);

        using var browser = NodeScript.Start("webchat.mjs", [baseUrl.ToString(), "sample-zonghe", photo, Screenshots], new() { ["PHOTO_TASK"] = "T024" });
        var ready = await browser.WaitForLineAsync("ready-for-reminder", TimeSpan.FromSeconds(120));
        Assert.True(ready, "The page did not get as far as the reminder:\n" + browser.Output);

        // The reminder job, as the scheduler runs it at 09:00: 张伟 subscribed in this chat, and T014 is due tomorrow.
        var (code, printed) = await OperatorRun.RunAsync(app.Services, "reminders", "run", "--at", "2026-06-15T01:00:00Z");
        Assert.True(code == 0, printed);
        await browser.WriteLineAsync("【到期提醒】张伟");

        Assert.True(await browser.ExitedAsync(TimeSpan.FromSeconds(60)) == 0, browser.Output);
        Assert.Contains("step: reminder arrived without a reload", browser.Output);
        Assert.Contains("websocket: /v3/directline/conversations/", browser.Output);
        Assert.True(new FileInfo(Path.Combine(Screenshots, "webchat.png")).Length > 10_000);

        using var ledger = app.OpenLedger();
        Assert.Equal("done", ledger.ExecuteScalar<string>("SELECT status FROM task WHERE code = 'T013'"));
        var photoUrl = ledger.ExecuteScalar<string>("SELECT e.url FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.code = 'T024' AND e.kind = 'attachment'");
        Assert.Contains("/v3/directline/attachments/", photoUrl);
        var stored = Directory.GetFiles(Path.Combine(app.Folder, "attachments"));
        Assert.Equal(TestImages.Png, await File.ReadAllBytesAsync(Assert.Single(stored)));
    }

    /// <summary>
    /// The page as it opens on a phone (390×844) and a desk (1280×800), in each state: the sample
    /// sign-in list and the page signed in as a sample person (demo mode), or the page refused and
    /// signed in through the sign-on proxy. One header line, 进度看板 and 退出 on screen, the send
    /// box visible without scrolling, nothing wider than the screen (PageLayout); screenshots
    /// webchat-sign-in-390.png, webchat-demo-390.png, webchat-refused-390.png, webchat-390.png and the -1280 ones.
    /// </summary>
    [Theory]
    [InlineData("sample")]
    [InlineData("proxy")]
    public async Task TheChatPage_FitsAPhoneAndADesk(string signIn)
    {
        await using var app = new BotApplication(new Dictionary<string, string?>
        {
            [signIn == "sample" ? "DirectLine:SampleSignIn" : "DirectLine:TrustedUserHeader"] = signIn == "sample" ? "true" : "X-Forwarded-User",
        });
        var baseUrl = app.StartOnKestrel();
        Directory.CreateDirectory(Screenshots);

        using var browser = NodeScript.Start("webchat-layout.mjs", [baseUrl.ToString(), "sample-zonghe", Screenshots, signIn], []);

        Assert.True(await browser.ExitedAsync(TimeSpan.FromSeconds(120)) == 0, browser.Output);
        if (signIn == "sample")
        {
            PageLayout.AssertFits(browser.Output, "webchat-sign-in");
            PageLayout.AssertFits(browser.Output, "webchat-demo");
            // Demo mode keeps saying so in the header, on the phone too.
            Assert.All(PageLayout.Measured(browser.Output, "webchat-demo"), m => Assert.Contains("演示", m["header"]!["text"]!.GetValue<string>()));
        }
        else
        {
            PageLayout.AssertFits(browser.Output, "webchat-refused");
            PageLayout.AssertFits(browser.Output, "webchat");
            Assert.All(PageLayout.Measured(browser.Output, "webchat"), m => Assert.DoesNotContain("演示", m["header"]!["text"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task WithoutAWebSocket_WebChatPolls_AndStillAnswers()
    {
        await using var app = new BotApplication(new Dictionary<string, string?> { ["DirectLine:SampleSignIn"] = "true" });
        var page = new Uri(app.StartOnKestrel(), "?transport=polling");
        Directory.CreateDirectory(Screenshots);

        using var browser = NodeScript.Start("webchat.mjs", [page.ToString(), "sample-zonghe", "", Screenshots], new() { ["STOP_AFTER_DONE"] = "webchat-polling.png" });

        Assert.True(await browser.ExitedAsync(TimeSpan.FromSeconds(120)) == 0, browser.Output);
        Assert.Contains("step: confirmed: 已完成：T013", browser.Output);
        using var ledger = app.OpenLedger();
        Assert.Equal("done", ledger.ExecuteScalar<string>("SELECT status FROM task WHERE code = 'T013'"));
        // Polling, not streaming: the page never opened a WebSocket.
        Assert.DoesNotContain("websocket:", browser.Output);
        Assert.True(new FileInfo(Path.Combine(Screenshots, "webchat-polling.png")).Length > 10_000);
    }
}

/// <summary>A node script of Browser/, with its output collected line by line and a line to send it on stdin.</summary>
public sealed class NodeScript : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly SemaphoreSlim changed = new(0);

    private NodeScript(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    public static NodeScript Start(string script, IEnumerable<string> args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(RepositoryRoot.Path, "Bot.Tests", "Browser", script), .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new NodeScript(Process.Start(start)!);
    }

    public async Task<bool> WaitForLineAsync(string line, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!Output.Split('\n').Contains(line))
        {
            if (process.HasExited || watch.Elapsed > timeout)
            {
                return Output.Split('\n').Contains(line);
            }

            await changed.WaitAsync(TimeSpan.FromSeconds(1));
        }

        return true;
    }

    public async Task WriteLineAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    public async Task<int> ExitedAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            process.WaitForExit(); // the rest of the output
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return -1;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }

        changed.Release();
    }
}
