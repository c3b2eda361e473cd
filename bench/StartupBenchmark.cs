using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CampaignBot.Bench;

/// <summary>
/// The real program (Bot.dll) on a 100,000-task ledger: time from process start to the first answer,
/// and its peak resident memory (VmHWM) after a burst of queries and a reminder plan.
/// </summary>
public static class StartupBenchmark
{
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(string folder, string ledger, int tasks)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Bot.dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Urls"] = url;
        start.Environment["Storage__DatabasePath"] = ledger;
        start.Environment["Storage__SchedulerDatabasePath"] = Path.Combine(folder, "scheduler.db");
        start.Environment["Campaign__SeedSampleCampaign"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["MessagesEndpoint__AllowUnauthenticated"] = "true";

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        using var http = new HttpClient();
        var body = LoadGenerator.Activity(BenchLedger.Account, "本周到期");
        TimeSpan? firstAnswer = null;
        while (watch.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            try
            {
                using var response = await http.PostAsync(url + "/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
                if (response.IsSuccessStatusCode)
                {
                    firstAnswer = watch.Elapsed;
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        var rows = new List<BenchRow>
        {
            new($"start-up to first answer, {tasks:N0} tasks (dotnet Bot.dll)", "ms", firstAnswer?.TotalMilliseconds ?? double.NaN, "", firstAnswer is null ? false : null,
                "migrations, Quartz with its SQLite store, the start-up reminder run, then 本周到期"),
        };
        if (firstAnswer is not null)
        {
            await LoadGenerator.RunAsync(url, body, 8, TimeSpan.FromSeconds(3));
            rows.Add(new BenchRow($"peak resident memory, {tasks:N0} tasks (VmHWM)", "MB", PeakResidentMegabytes(process.Id), "", null, "after start-up and 3 s of 本周到期 from 8 clients"));
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return rows;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static double PeakResidentMegabytes(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024)
            .FirstOrDefault(double.NaN);
}
