using System.Text.Json;

namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// The JSON schema the model must answer in (structured output, response_format json_schema, strict):
/// every slot present, null where unused, at most two readings. vLLM and Ollama constrain their
/// decoding to it; the answer is still checked as untrusted text.
/// </summary>
public static class ModelAnswerSchema
{
    public const string Name = "message_reading";

    public const int MaxReadings = 2;

    public static readonly JsonElement Schema = JsonDocument.Parse($$"""
        {
          "type": "object",
          "properties": {
            "readings": {
              "type": "array",
              "maxItems": {{MaxReadings}},
              "items": {
                "type": "object",
                "properties": {
                  "intent": { "type": "string", "enum": [{{string.Join(", ", ModelIntents.All.Select(i => $"\"{i.Intent}\""))}}] },
                  "code": { "type": ["string", "null"] },
                  "office": { "type": ["string", "null"] },
                  "person": { "type": ["string", "null"] },
                  "from": { "type": ["string", "null"] },
                  "to": { "type": ["string", "null"] },
                  "reason": { "type": ["string", "null"] }
                },
                "required": ["intent", "code", "office", "person", "from", "to", "reason"],
                "additionalProperties": false
              }
            }
          },
          "required": ["readings"],
          "additionalProperties": false
        }
        """).RootElement.Clone();
}
