namespace CampaignBot.Understanding;

/// <summary>
/// The toneless readings of each common Chinese character (行: xing hang heng), from npm's
/// pinyin-pro, written at build time beside the binary as understanding/pinyin.txt (Bot.csproj).
/// Read once, on first use. Without the file (a build with -p:SkipClientApp=true) no character has
/// a reading, and sound-alike typos are simply not corrected.
/// </summary>
public sealed class PinyinTable
{
    public static readonly string DefaultPath = Path.Combine(AppContext.BaseDirectory, "understanding", "pinyin.txt");

    private static readonly Lazy<PinyinTable> Shipped = new(() => Load(DefaultPath));

    private readonly Dictionary<char, string[]> readings;

    private PinyinTable(Dictionary<char, string[]> readings) => this.readings = readings;

    public static PinyinTable Default => Shipped.Value;

    public int Count => readings.Count;

    public static PinyinTable Load(string path)
    {
        var table = new Dictionary<char, string[]>();
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                var tab = line.IndexOf('\t');
                if (tab == 1)
                {
                    table[line[0]] = line[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                }
            }
        }

        return new PinyinTable(table);
    }

    public IReadOnlyList<string> Of(char c) => readings.TryGetValue(c, out var r) ? r : [];
}
