using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Robots;
using Microsoft.Extensions.Options;
using CampaignBot.Ledger;

namespace CampaignBot.Operator;

/// <summary>
/// What the operator verbs print, in the campaign's language (Campaign:DefaultLanguage), one
/// implementation per language (<see cref="ChineseOperatorTexts"/>, <see cref="EnglishOperatorTexts"/>):
/// plain words for a coordinator, never the outbox's codes (due-1, overdue-3) or a chat's raw key.
/// </summary>
public abstract class OperatorTexts
{
    public static OperatorTexts For(ReplyLanguage language) => language == ReplyLanguage.English ? EnglishOperatorTexts.Instance : ChineseOperatorTexts.Instance;

    public static OperatorTexts For(IServiceProvider services) => For(services.GetRequiredService<IOptions<CampaignOptions>>().Value.DefaultLanguage);

    /// <summary>Before the bot is composed (its start refused), from the configuration itself.</summary>
    public static OperatorTexts For(IConfiguration configuration) =>
        For(configuration.GetSection(CampaignOptions.Section).Get<CampaignOptions>()?.DefaultLanguage ?? ReplyLanguage.Chinese);

    /// <summary>The chat's own words (dates, the weekly report), in the same language.</summary>
    public abstract ReplyTexts Replies { get; }

    // Any verb.
    public abstract string NoFile(string verb, string path);
    public abstract string Failed(string verb, string reason);
    public abstract string RefusedFile(int errors);
    public abstract string MoreErrors(int omitted);

    /// <summary>The bot was started on an address another program listens on; nothing was written.</summary>
    public abstract string PortBusy(string address);

    // reminders preview and run.
    public abstract string SendTime(DateTimeOffset local, string zone);
    public abstract string PreviewHeader(string sendTime, bool next, int reminders, int chats);
    public abstract string NoSendTimeBefore(int days);
    public abstract string NoSendTimeAfter(int days);
    public abstract string ChannelName(string channelId);
    public abstract string Chat(ConversationRecord? chat, string conversationId);
    public abstract string Robot(Robot? robot, long id);
    public abstract string Kind(string kind);
    public abstract string ReminderLine(string kind, string code, string title, DateOnly due, string office);
    public abstract string ReportFollows { get; }
    public abstract string Unreached(int tasks, int offices);
    /// <summary>Offices with no chat of their own whose reminders go to their people's 1:1 chats (通过个人会话送达).</summary>
    public abstract string ThroughPeople(int offices);
    public abstract string ThroughPeopleOffice(string office, int reminders, IReadOnlyList<string> people);
    public abstract string UnreachedOffice(string office, int tasks);
    public abstract string UnreachedTask(string kind, string code, string title, DateOnly due);
    public abstract string RunSummary(int sendDays, int enqueued, int dropped);
    public abstract string Delivered(int sent, int failed, int cancelled, int gone);

    /// <summary>Web Chat reminders go through the running bot, and it cannot be reached: nothing was sent.</summary>
    public abstract string BotUnreachable(string address);

    // report.
    public abstract string ReportFileName(DateOnly day);
    public abstract string ReportWritten(string text, string? chart);

    // understanding report.
    public abstract string NoMisses(int days);
    public abstract string MissesHeader(int days);
    public abstract string MissColumns { get; }
    public abstract string MissOutcome(string outcome);
    public abstract string MissesFooter { get; }

    // The language model's suggestions (issue 27).
    public abstract string TapRatesHeader { get; }
    public abstract string TapRate(string intent, int offered, int tapped);
    public abstract string UnusedSuggestionsHeader { get; }
    public abstract string UnusedSuggestion(string status, string text, string? suggestion, string? note);

    // workdays, sample, export, evidence, backup.
    public abstract string WorkdaysLoaded(int daysOff, int workdays);
    public abstract string NoSample { get; }
    public abstract string SampleKept { get; }
    public abstract string SampleRemoved(int tasks, int offices, int people, int chats, int transcripts);
    public abstract string Exported(int tasks, string path);
    public abstract string BinderWritten(int items, int tasks, int files, string path);
    public abstract string BinderFilesMissing(int files, string notesName);
    public abstract string BinderFilesChanged(int files, string indexName);
    public abstract string BinderActiveFilesRenamed(int files, string indexName);
    public abstract string EvidenceFileProblem(bool missing, long id, string name, string sender, string sha256);
    public abstract string EvidenceVerified(int files, int problems);
    public abstract string BackupFolderNotEmpty(string folder);
    public abstract string BackupDone(int files, string folder);

    // restore.
    public abstract string RestoreNoFolder(string folder);
    public abstract string RestoreInUse(string lockFile);
    public abstract string RestoreRefused(string folder, int problems);
    public abstract string RestoreProblem(Backups.BackupCheck.Kind kind, string detail);
    public abstract string RestoreDone(string folder, IReadOnlyList<string> keptAside);
}
