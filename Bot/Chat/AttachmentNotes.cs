using System.Text;

namespace CampaignBot.Chat;

/// <summary>
/// Words that only point at the message's attachments (照片见附件, 附件, see attached, photos uploaded):
/// they say nothing the files do not, so they are not a piece of evidence of their own, and a file
/// sent with them alone is a file sent alone. Compared without spaces, punctuation or case.
/// </summary>
public static class AttachmentNotes
{
    /// <summary>What is pointed at (照片, 材料…), or nothing (见附件).</summary>
    private static readonly string[] Things =
        ["", "照片", "图片", "相片", "现场照片", "相关照片", "活动照片", "文件", "材料", "相关材料", "佐证", "佐证材料", "截图", "附件", "照片和材料", "照片及材料"];

    /// <summary>How it is pointed at.</summary>
    private static readonly string[] Pointers =
        ["见附件", "详见附件", "请见附件", "请查看附件", "如附件", "在附件", "在附件里", "在附件中", "附后", "附上", "已附", "已附上", "附件", "如下", "见下",
         "已上传", "已经上传", "上传了", "已发", "已发送", "发了", "已提交", "见图", "如图", "详见图片", "见照片", "请查收"];

    private static readonly string[] English =
        ["attached", "see attached", "see attachment", "see attachments", "see the attachment", "see the attachments", "please see attached", "as attached",
         "attachment", "attachments", "see photo", "see photos", "see picture", "see pictures", "uploaded", "see below"];

    private static readonly string[] EnglishThings = ["photo", "photos", "picture", "pictures", "image", "images", "file", "files", "screenshot", "screenshots", "evidence"];

    private static readonly string[] EnglishPointers = ["attached", "uploaded", "enclosed", "are attached", "is attached", "are uploaded", "is uploaded", "as attached", "in the attachment"];

    private static readonly HashSet<string> Phrases = BuildPhrases();

    /// <summary>Whether <paramref name="note"/> only points at attachments (and so adds nothing to them).</summary>
    public static bool OnlyPointsAtAttachments(string? note) =>
        note is not null && Key(note) is { Length: > 0 } key && Phrases.Contains(key);

    /// <summary>The note as evidence: null when there is none or it only points at the attachments.</summary>
    public static string? AsEvidence(string? note) => OnlyPointsAtAttachments(note) ? null : note;

    private static HashSet<string> BuildPhrases()
    {
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var thing in Things)
        {
            foreach (var pointer in Pointers)
            {
                phrases.Add(Key(thing + pointer));
                phrases.Add(Key(pointer + thing));
            }
        }

        foreach (var phrase in English)
        {
            phrases.Add(Key(phrase));
        }

        foreach (var thing in EnglishThings)
        {
            foreach (var pointer in EnglishPointers)
            {
                phrases.Add(Key(thing + " " + pointer));
                phrases.Add(Key("see " + thing));
            }
        }

        return phrases;
    }

    /// <summary>Lower case, letters and digits only (full-width forms folded): 照片见附件。 and 照片 见附件 are one phrase.</summary>
    private static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }
}
