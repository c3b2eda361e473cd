using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CampaignBot.Tests.Support;

/// <summary>The real program (Bot.dll, built beside the tests) run as a child process on a test database.</summary>
public static class BotProcess
{
    public static Process Start(TestDatabase database, IEnumerable<string> args, IDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Bot.dll"), .. args])
        {
            WorkingDirectory = database.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove(NoDefaultPort.Variable);
        start.Environment["Storage__DatabasePath"] = database.Path;
        start.Environment["Reminders__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Kills the process (SIGKILL) and waits until it is gone.</summary>
    public static async Task KillAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>What the program printed on standard output (a verb's answer), apart from its log on standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Log)> RunToEndSeparatelyAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var log = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await log);
    }

    public static async Task<(int ExitCode, string Output)> RunToEndAsync(Process process)
    {
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + errors);
    }

    /// <summary>A loopback port nothing listens on now, for a bot started with --urls.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A client for the bot on a loopback port, once its health endpoint answers (within a minute).</summary>
    public static async Task<HttpClient> ServingAsync(int port)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("healthz")).IsSuccessStatusCode)
                {
                    return http;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, "the bot did not start");
            await Task.Delay(200);
        }
    }
}
