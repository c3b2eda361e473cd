using System.IO.Compression;
using System.Text;

namespace CampaignBot.Tests.Security;

/// <summary>
/// Workbooks an attacker (or a broken disk) hands to `import`, built here rather than committed: a
/// zip bomb whose sheet XML repeats one row millions of times, and files cut off or not xlsx at all.
/// </summary>
public static class HostileWorkbooks
{
    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="xml" ContentType="application/xml"/>
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
        </Types>
        """;

    private const string RootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
        </Relationships>
        """;

    private const string Workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <sheets><sheet name="任务" sheetId="1" r:id="rId1"/></sheets>
        </workbook>
        """;

    private const string WorkbookRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
        </Relationships>
        """;

    /// <summary>
    /// A valid xlsx whose task sheet has a header and <paramref name="rows"/> identical bad rows:
    /// 3,000,000 rows (about 80 MB of XML) make a file of about 100 KB, like the attack.
    /// </summary>
    public static string Bomb(string folder, int rows)
    {
        var path = Path.Combine(folder, $"bomb-{rows}.xlsx");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Write(zip, "[Content_Types].xml", ContentTypes);
        Write(zip, "_rels/.rels", RootRels);
        Write(zip, "xl/workbook.xml", Workbook);
        Write(zip, "xl/_rels/workbook.xml.rels", WorkbookRels);
        using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16);
        sheet.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        sheet.Write("""<row><c t="inlineStr"><is><t>编号</t></is></c><c t="inlineStr"><is><t>任务</t></is></c><c t="inlineStr"><is><t>牵头单位</t></is></c><c t="inlineStr"><is><t>截止日期</t></is></c></row>""");
        for (var i = 0; i < rows; i++)
        {
            sheet.Write("<row><c><v>1</v></c></row>");
        }

        sheet.Write("</sheetData></worksheet>");
        return path;
    }

    /// <summary>A real workbook with its last bytes missing (the zip's directory, at its end, is gone).</summary>
    public static string Truncated(string folder, string workbook)
    {
        var bytes = File.ReadAllBytes(workbook);
        var path = Path.Combine(folder, "truncated.xlsx");
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
        return path;
    }

    /// <summary>A real workbook whose task sheet's XML stops halfway: the zip is whole, the sheet is not.</summary>
    public static string CutSheet(string folder, string workbook)
    {
        var path = Path.Combine(folder, "cut-sheet.xlsx");
        using var source = ZipFile.OpenRead(workbook);
        using var copy = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            var text = reader.ReadToEnd();
            Write(copy, entry.FullName, entry.FullName == "xl/worksheets/sheet1.xml" ? text[..(text.Length / 2)] : text);
        }

        return path;
    }

    /// <summary>
    /// A copy of <paramref name="workbook"/> whose zip directory declares a smaller size for
    /// <paramref name="part"/> than it really inflates to: a bomb that lies to the size checks.
    /// </summary>
    public static string Understated(string folder, string workbook, string part, uint declaredBytes)
    {
        var bytes = File.ReadAllBytes(workbook);
        var name = Encoding.UTF8.GetBytes(part);
        var patched = false;
        // Central directory records: signature PK\x01\x02, uncompressed size at +24, name length at +28, name at +46.
        for (var at = bytes.AsSpan().IndexOf("PK\x01\x02"u8); at >= 0 && at < bytes.Length;)
        {
            var nameLength = BitConverter.ToUInt16(bytes, at + 28);
            if (bytes.AsSpan(at + 46, nameLength).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(at + 24, 4), declaredBytes);
                patched = true;
            }

            var next = bytes.AsSpan(at + 4).IndexOf("PK\x01\x02"u8);
            at = next < 0 ? -1 : at + 4 + next;
        }

        Assert.True(patched, $"{part} is in {workbook}");
        var path = Path.Combine(folder, "understated.xlsx");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static string NotAZip(string folder) => WriteFile(folder, "not-a-zip.xlsx", "编号,任务\nT1,这不是 xlsx\n");

    /// <summary>A zip that holds no workbook: what a renamed .docx or an archive of photos looks like.</summary>
    public static string ZipWithoutSheets(string folder)
    {
        var path = Path.Combine(folder, "no-sheets.xlsx");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Write(zip, "photos/readme.txt", "no workbook here");
        return path;
    }

    public static string WriteFile(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
