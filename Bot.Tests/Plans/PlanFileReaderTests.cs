using System.IO.Compression;
using System.Text;
using CampaignBot.Plans;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Plans;

public class PlanFileReaderTests
{
    [Fact]
    public void Read_SheetWithMissingRow_KeepsTheSpreadsheetsRowNumbers()
    {
        // Excel leaves an empty row out of the file entirely; row 3 below does not exist in the XML.
        var folder = TestDatabase.NewFolder();
        var path = Path.Combine(folder, "gap.xlsx");
        WriteMinimalXlsx(path, new Dictionary<int, string[]>
        {
            [1] = ["编号", "任务", "牵头单位", "截止日期"],
            [2] = ["A1", "一", "综合组", "2026-07-01"],
            [4] = ["A4", "四", "综合组", "2026-07-01"],
        });

        var rows = PlanFileReader.Read(path, new ImportLimits()).Tasks;

        Assert.Equal([(2, "A1"), (3, ""), (4, "A4")], rows.Select(r => (r.Number, r.Text(PlanColumns.Code))));
        Assert.True(rows[1].IsBlank);
        Directory.Delete(folder, true);
    }

    private static void WriteMinimalXlsx(string path, Dictionary<int, string[]> rows)
    {
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string rels = "http://schemas.openxmlformats.org/package/2006/relationships";
        const string officeRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var sheetData = new StringBuilder();
        foreach (var (number, cells) in rows)
        {
            sheetData.Append($"<row r=\"{number}\">");
            for (var i = 0; i < cells.Length; i++)
            {
                sheetData.Append($"<c r=\"{(char)('A' + i)}{number}\" t=\"inlineStr\"><is><t>{cells[i]}</t></is></c>");
            }

            sheetData.Append("</row>");
        }

        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Entry(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml);
        }

        Entry("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
        Entry("_rels/.rels", $"<Relationships xmlns=\"{rels}\"><Relationship Id=\"rId1\" Type=\"{officeRels}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Entry("xl/workbook.xml", $"<workbook xmlns=\"{main}\" xmlns:r=\"{officeRels}\"><sheets><sheet name=\"任务\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Entry("xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"{rels}\"><Relationship Id=\"rId1\" Type=\"{officeRels}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        Entry("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{main}\"><sheetData>{sheetData}</sheetData></worksheet>");
    }

    [Theory]
    [InlineData("2026-06-30", 2026, 6, 30)]
    [InlineData("2026/6/30", 2026, 6, 30)]
    [InlineData("2026.6.30", 2026, 6, 30)]
    [InlineData("2026年6月30日", 2026, 6, 30)]
    [InlineData("2026-06-30 00:00:00", 2026, 6, 30)]
    public void ReadDate_Text_IsRead(string text, int year, int month, int day)
    {
        Assert.Equal(PlanCells.DateCell.Valid, PlanCells.ReadDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Fact]
    public void ReadDate_ExcelDateAndSerial_AreRead()
    {
        Assert.Equal(PlanCells.DateCell.Valid, PlanCells.ReadDate(new DateTime(2026, 6, 30), out var fromDate));
        Assert.Equal(PlanCells.DateCell.Valid, PlanCells.ReadDate(46203.0, out var fromSerial));
        Assert.Equal(new DateOnly(2026, 6, 30), fromDate);
        Assert.Equal(new DateOnly(2026, 6, 30), fromSerial);
    }

    [Theory]
    [InlineData("2026-02-29", PlanCells.DateCell.Impossible)]
    [InlineData("2026-13-01", PlanCells.DateCell.Impossible)]
    [InlineData("六月底", PlanCells.DateCell.Unreadable)]
    [InlineData("", PlanCells.DateCell.Empty)]
    public void ReadDate_Bad_SaysWhy(string text, PlanCells.DateCell expected)
    {
        Assert.Equal(expected, PlanCells.ReadDate(text, out _));
    }
}
