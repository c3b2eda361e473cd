using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;

namespace CampaignBot.Tests.Chat.Understanding;

/// <summary>A button sends a command's plain form; the understanding must read it back as the same command.</summary>
public class CommandTextTests
{
    private static readonly DateOnly Today = Corpus.Today;

    public static TheoryData<ReplyLanguage, ChatCommand> Commands()
    {
        var data = new TheoryData<ReplyLanguage, ChatCommand>();
        foreach (var l in new[] { ReplyLanguage.Chinese, ReplyLanguage.English })
        {
            ChatCommand[] commands =
            [
                new HelpCommand(l), new WhoAmICommand(l), new ProgressCommand(l), new MineCommand(l), new ListRobotsCommand(l), new UnbindCommand(l),
                new SubscribeCommand(true, l), new SubscribeCommand(false, l),
                new DueCommand(new DateWindow(Today, Today.AddDays(6)), false, l), new DueCommand(DateWindow.Day(Today.AddDays(3)), true, l),
                new DueCommand(new DateWindow(Today, Today.AddDays(15)), false, l) { OfficeName = "材料组" },
                new DueCommand(new DateWindow(Today, Today.AddDays(6)), false, l) { OwnOffice = true },
                new OverdueCommand(false, l), new OverdueCommand(true, l), new OverdueCommand(false, l) { OfficeName = "行政组" }, new OverdueCommand(false, l) { OwnOffice = true },
                new OfficeTasksCommand(null, l), new OfficeTasksCommand("法制工作委员会", l),
                new DetailCommand("T021", l), new DoneCommand("T021", null, l), new ReopenCommand("R01-260630", null, l),
                new ExtendCommand("T021", new DateOnly(2026, 7, 15), null, l), new SnoozeCommand("T021", Today.AddDays(2), l),
                new ReassignCommand("T021", "孙丽", l), new DecideExtensionCommand(12, true, null, l), new DecideExtensionCommand(12, false, null, l),
                new BindOfficeCommand("综合组", l), new LinkAccountCommand("张伟", "29:abc", l),
                new ReportCommand(l), new PendingExtensionsCommand(l),
            ];
            foreach (var command in commands)
            {
                data.Add(l, command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void CommandText_IsUnderstoodAsTheSameCommand(ReplyLanguage language, ChatCommand command)
    {
        var text = ReplyTexts.For(language).CommandText(command);

        Assert.Equal(command, Corpus.Understand(text));
    }

    /// <summary>Where a channel shows no buttons the reply names them, so a label typed back must work too.</summary>
    [Theory]
    [MemberData(nameof(Commands))]
    public void ButtonLabel_TypedBack_IsTheSameCommand(ReplyLanguage language, ChatCommand command)
    {
        var label = ReplyTexts.For(language).ButtonLabel(command, Today);

        Assert.Equal(command, Corpus.Understand(label));
    }
}
