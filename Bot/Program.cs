using CampaignBot.Hosting;
using CampaignBot.Operator;

// Operator verbs and --help go to the command line (Operator/OperatorVerbs); host settings (--urls …) start the bot.
var isVerb = OperatorVerbs.IsVerb(args);
// The pages (Web Chat) live beside the binary, wherever the service is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = isVerb ? [] : args,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
if (isVerb)
{
    // A verb's standard output is its answer (one line for a refused file); the log goes to standard error.
    builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
}

// Kestrel binds after the ledger's start-up: a taken address is refused before anything is written.
if (!isVerb && ListeningPorts.FirstTaken(builder.Configuration) is { } taken)
{
    await Console.Error.WriteLineAsync(OperatorTexts.For(builder.Configuration).PortBusy(taken));
    return OperatorVerbs.Unavailable;
}

builder.Services.AddCampaignBot(builder.Configuration);

var app = builder.Build();
if (isVerb)
{
    return await OperatorVerbs.RunAsync(app.Services, args, Console.Out);
}

app.MapCampaignBot();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
