namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// Understanding:Model: an office's own language model behind an OpenAI-compatible API, asked only
/// about what the rules did not understand. Off while <see cref="Endpoint"/> is empty.
/// </summary>
public sealed class ModelOptions
{
    public const string Section = "Understanding:Model";

    /// <summary>The OpenAI-compatible base url (http://10.1.2.3:8000/v1 for vLLM, http://127.0.0.1:11434/v1 for Ollama).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The served model's name, as the endpoint knows it (Qwen2.5-7B-Instruct, qwen2.5:7b).</summary>
    public string? Name { get; set; }

    /// <summary>The key, if the endpoint wants one: set it in the environment (Understanding__Model__ApiKey), not in appsettings.json. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A file holding the key (an owner-only secret file), read at start-up; used when <see cref="ApiKey"/> is empty.</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>How long one message may wait for the model; the person gets the ordinary reply after that.</summary>
    public double TimeoutSeconds { get; set; } = 3;

    /// <summary>
    /// Host names allowed besides private and loopback addresses (llm.intranet.example): the operator's
    /// explicit choice, as RobotWebhooks:AllowedBaseUrls is for robots.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>How many failures in a row open the circuit, and how long the endpoint is then left alone.</summary>
    public int FailuresBeforeBreak { get; set; } = 3;

    public double BreakSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
}
