using CampaignBot.Operator;

namespace CampaignBot.Tests.Support;

/// <summary>Runs an operator verb on a service graph and keeps what it printed.</summary>
public static class OperatorRun
{
    public static async Task<(int Code, string Output)> RunAsync(IServiceProvider services, params string[] args)
    {
        var output = new StringWriter();
        var code = await OperatorVerbs.RunAsync(services, args, output);
        return (code, output.ToString());
    }
}
