namespace CampaignBot.Operator;

public static class OperatorOutput
{
    /// <summary>Says so when a verb's input file is not there.</summary>
    public static async Task<bool> FileExistsAsync(TextWriter output, OperatorTexts texts, string verb, string path)
    {
        if (File.Exists(path))
        {
            return true;
        }

        await output.WriteLineAsync(texts.NoFile(verb, Path.GetFullPath(path)));
        return false;
    }

    /// <summary>How many of a refused file's problems are listed; a file of a million bad rows once printed 12 million lines.</summary>
    public const int ListedErrors = 50;

    /// <summary>How every verb says it refused a file: how many problems, that nothing changed, then the first ones.</summary>
    public static async Task RefusedAsync(TextWriter output, OperatorTexts texts, IReadOnlyList<string> errors)
    {
        await output.WriteLineAsync(texts.RefusedFile(errors.Count));
        foreach (var error in errors.Take(ListedErrors))
        {
            await output.WriteLineAsync($"  {error}");
        }

        if (errors.Count > ListedErrors)
        {
            await output.WriteLineAsync(texts.MoreErrors(errors.Count - ListedErrors));
        }
    }
}
