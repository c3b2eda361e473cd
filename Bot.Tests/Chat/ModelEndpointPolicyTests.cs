using CampaignBot.Chat.ModelReading;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Chat;

/// <summary>Issue 27: the model endpoint must be on the intranet (docs/SECURITY.md), unless the operator names its host.</summary>
public class ModelEndpointPolicyTests
{
    [Theory]
    [InlineData("http://127.0.0.1:11434/v1")]
    [InlineData("http://10.20.30.40:8000/v1")]
    [InlineData("https://172.16.0.5/v1")]
    [InlineData("http://192.168.1.9:9997/v1")]
    [InlineData("http://[::1]:8000/v1")]
    [InlineData("http://[fd12:3456::1]:8000/v1")]
    public void IntranetAddresses_AreAllowed(string endpoint) => Assert.Null(ModelEndpointPolicy.Refusal(endpoint, []));

    [Theory]
    [InlineData("https://api.openai.com/v1")]
    [InlineData("http://8.8.8.8/v1")]
    [InlineData("http://172.32.0.1/v1")]
    [InlineData("http://llm.intranet.example/v1")]
    [InlineData("http://user:pass@10.0.0.1/v1")]
    [InlineData("ftp://10.0.0.1/v1")]
    [InlineData("not a url")]
    public void OtherHosts_AreRefused(string endpoint) => Assert.NotNull(ModelEndpointPolicy.Refusal(endpoint, []));

    [Fact]
    public void ANameTheOperatorAllowed_IsAllowed() =>
        Assert.Null(ModelEndpointPolicy.Refusal("https://llm.intranet.example/v1", ["LLM.intranet.example"]));

    [Fact]
    public async Task WithoutAnEndpoint_OrWithAPublicOne_TheModelIsOff()
    {
        await using (var plain = await BotServices.CreateAsync())
        {
            Assert.False(plain.Get<ModelSuggester>().Enabled);
        }

        await using var outside = await BotServices.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Understanding:Model:Endpoint"] = "https://api.openai.com/v1",
            ["Understanding:Model:Name"] = "gpt",
        });
        Assert.False(outside.Get<ModelSuggester>().Enabled);
    }
}
