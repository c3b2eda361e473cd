using System.Text;
using CampaignBot.Security;

namespace CampaignBot.Operator;

/// <summary>
/// What every operator verb prints goes through this writer: people's text (a miss, a file name, a
/// title) reaches the operator's terminal without the escape sequences that would clear or colour it
/// or forge a line (<see cref="ControlCharacters"/>). Line breaks the verb writes itself stay.
/// </summary>
public sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter takes null as "the default"; so does the inner writer.
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        // One character at a time cannot see a whole sequence: ESC and other controls are simply dropped.
        if (value is '\n' or '\r' or '\t' || ControlCharacters.Strip(value.ToString()).Length == 1)
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value) => inner.Write(Clean(value));

    public override void Write(char[] buffer, int index, int count) => inner.Write(Clean(new string(buffer, index, count)));

    public override void WriteLine(string? value) => inner.WriteLine(Clean(value));

    public override Task WriteAsync(string? value) => inner.WriteAsync(Clean(value));

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count) => inner.WriteAsync(Clean(new string(buffer, index, count)));

    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(Clean(value));

    public override Task WriteLineAsync() => inner.WriteLineAsync();

    public override Task WriteLineAsync(char[] buffer, int index, int count) => inner.WriteLineAsync(Clean(new string(buffer, index, count)));

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    /// <remarks>CR LF becomes LF, which every terminal reads as a line break; a lone CR (which would overwrite the line) too.</remarks>
    private static string? Clean(string? value) => value is null ? null : ControlCharacters.Strip(value);
}
