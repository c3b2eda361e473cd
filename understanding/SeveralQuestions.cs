using CampaignBot.Understanding.Commands;

namespace CampaignBot.Understanding;

/// <summary>
/// Two questions in one message (整体完成率多少？超期的几个组点个名): each sentence answered, in one
/// reply. Only questions: a message that asks for a change is read whole, so that its conditions and
/// denials stay with it.
/// </summary>
public static class SeveralQuestions
{
    private static readonly char[] SentenceEnds = ['？', '?', '；', ';', '。', '\n', '！', '!'];

    public static ChatCommand? Read(Findings f, ChatCommand whole, Func<string, ChatCommand> understandOne)
    {
        if (f.Codes.Count > 0 || IsChange(whole) || whole is SmallTalkCommand)
        {
            return null;
        }

        var sentences = f.Source.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Any(char.IsLetter))
            .ToList();
        if (sentences.Count < 2)
        {
            return null;
        }

        var answers = sentences.Select(understandOne)
            .Where(c => c is not (UnknownCommand or SmallTalkCommand or HelpCommand or ClarifyCommand) && !IsChange(c))
            .Distinct()
            .ToList();
        return answers.Count switch
        {
            0 => null,
            1 => whole is UnknownCommand ? answers[0] : null,
            _ => new SeveralCommand(answers, f.Language),
        };
    }

    private static bool IsChange(ChatCommand command) => ChangeCommands.IsChange(command) || command is OfferCommand;
}
