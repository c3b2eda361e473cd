using CampaignBot.Chat.Handlers;
using CampaignBot.Chat.ModelReading;
using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Understanding;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Scheduling.Time;
using CampaignBot.Telemetry;
using Microsoft.Extensions.Options;

namespace CampaignBot.Chat;

/// <summary>Understands a message, works out who is asking from which chat, and hands the command to its handler.</summary>
public sealed class ChatCommandRouter(
    CampaignClock clock,
    IOptions<CampaignOptions> options,
    LedgerNamesCache names,
    UnderstandingMissRepository misses,
    DirectoryRepository directory,
    ConversationRepository conversations,
    QueryHandler queries,
    CompletionHandler completions,
    AdministrationHandler administration,
    ExtensionHandler extensions,
    HandoverHandler handovers,
    SnoozeHandler snoozes,
    EvidenceHandler evidence,
    UndoHandler undo,
    ReportHandler reports,
    CampaignMetrics metrics,
    ModelSuggester model,
    ModelMetrics modelMetrics)
{
    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var conversation = request.Conversation ?? await conversations.FindAsync(request.ChannelId, request.ConversationId, cancellationToken);
        // A message in no particular language (a bare task code) is answered in the chat's language.
        var chatLanguage = Enum.TryParse<ReplyLanguage>(conversation?.Language, out var remembered) ? remembered : options.Value.DefaultLanguage;
        var ledgerNames = await names.GetAsync(cancellationToken);
        var command = MessageUnderstanding.Understand(request.Text, today, chatLanguage, ledgerNames);
        var person = await directory.FindSpeakerAsync(request.ChannelId, request.AccountId, cancellationToken);
        var bound = conversation?.BoundOfficeId is { } officeId ? new TaskScope(officeId, conversation.BoundOfficeName) : null;
        var actor = new ChatActor(request.AccountId, person, request.ChannelId, request.ConversationId);
        var texts = ReplyTexts.For(command.Language).On(today).With(await names.GetWordsAsync(cancellationToken));
        var turn = new ChatTurn(request, actor, bound, texts, today) { ReadFromWords = !IsCommandForm(request.Text, command) };
        if (request.Attachments.Count > 0 && (string.IsNullOrWhiteSpace(request.Text) || AttachmentNotes.OnlyPointsAtAttachments(request.Text)))
        {
            // Files with no words of their own (Web Chat and Teams send a photo alone): no command to read.
            return await evidence.FilesAloneAsync(turn, cancellationToken);
        }

        if (request.Attachments.Count > 0 && command is DetailCommand named && !request.Text.AsSpan().ContainsAny("?？吗呢谁啥"))
        {
            // T024 见附件, T024 的照片: files sent with a task named and nothing else asked are its evidence, not dropped.
            command = new AddEvidenceCommand(named.Code, null, command.Language);
        }

        if (command is not (UnknownCommand or ClarifyCommand) && conversation is not null && command.Language != chatLanguage)
        {
            // Written only when it changes: what the bot sends here unprompted (reminders, notices) follows the chat's language.
            await conversations.RememberLanguageAsync(request.ChannelId, request.ConversationId, command.Language.ToString(), cancellationToken);
        }

        if (person is not null && !request.IsGroup && conversation is not null && conversation.PersonId != person.Id)
        {
            // The person's first message here (once their account is linked): their reminders, notices and the report can come here.
            await conversations.RememberPersonAsync(request.ChannelId, request.ConversationId, person.Id, cancellationToken);
        }

        // Counted here, where the reading is decided (files alone, above, have no words to read).
        metrics.Understood(request.ChannelId, command switch
        {
            ClarifyCommand => UnderstandingOutcome.AskedBack,
            UnknownCommand => UnderstandingOutcome.Missed,
            _ => UnderstandingOutcome.Understood,
        });

        if (model.Enabled && !turn.ReadFromWords && await misses.MarkTappedAsync(request.ChannelId, request.ConversationId, request.Text, clock.UtcNow, cancellationToken) is { } tapped)
        {
            // A button the model suggested, tapped (or its text sent): it runs below like any typed command.
            modelMetrics.Tapped(tapped);
        }

        if (command is UnknownCommand or ClarifyCommand)
        {
            // As read (mentions removed, full width folded), so that the same words count as one miss;
            // without credentials (a robot's webhook key and secret typed in a form the bot did not read).
            var missed = Security.CredentialRedaction.Redact(TextNormalizer.Normalize(request.Text).Source)!;
            // Only here, where the rules did not understand or asked back, is the office's model asked (when one is configured).
            var suggestion = await model.SuggestAsync(missed, new ModelCheckContext(person, today, command.Language, ledgerNames, turn.Texts, _ => null), clock.Zone, cancellationToken);
            // A question the rules asked back about is not answered on a guess: the guess becomes a button.
            var answer = suggestion is { Status: ModelSuggestionStatus.Answered, Commands: [var question] } && command is UnknownCommand ? question : null;
            var offered = suggestion.Status is ModelSuggestionStatus.Offered or ModelSuggestionStatus.Answered && answer is null;
            await misses.RecordAsync(missed, request.ChannelId, request.ConversationId, person?.Id, command is ClarifyCommand, Logged(suggestion, offered, turn), clock.UtcNow, cancellationToken);
            if (answer is not null)
            {
                return Inferred(await DispatchAsync(answer, turn, cancellationToken), answer, turn);
            }

            if (offered)
            {
                return Suggested(suggestion.Commands, command is ClarifyCommand clarify ? clarify.Readings : [], turn);
            }
        }

        return await DispatchAsync(command, turn, cancellationToken);
    }

    private async Task<ChatReply> DispatchAsync(ChatCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        command switch
        {
            OfferCommand offer => Offered(await DispatchAsync(offer.Answer, turn, cancellationToken), offer.Offers, turn),
            SeveralCommand several => ChatReply.Combine(await EachAsync(several.Commands, turn, cancellationToken)),
            SmallTalkCommand talk => new ChatReply(turn.Texts.SmallTalk(talk.Kind))
            {
                Suggestions = [new ReplyAction(turn.Texts.ButtonLabel(new DueCommand(IntentRules.ThisWeek(turn.Today), false, talk.Language), turn.Today), turn.Texts.CommandText(new DueCommand(IntentRules.ThisWeek(turn.Today), false, talk.Language))),
                    new ReplyAction(turn.Texts.CommandText(new MineCommand(talk.Language)), turn.Texts.CommandText(new MineCommand(talk.Language)))],
            },
            DueCommand due => await queries.DueAsync(due, turn, cancellationToken),
            OverdueCommand overdue => await queries.OverdueAsync(overdue, turn, cancellationToken),
            MineCommand mine => await queries.MineAsync(mine, turn, cancellationToken),
            OfficeTasksCommand office => await queries.OfficeAsync(office, turn, cancellationToken),
            DetailCommand detail => await queries.DetailAsync(detail, turn, cancellationToken),
            ProgressCommand => await queries.ProgressAsync(turn, cancellationToken),
            ReportCommand => await reports.ReportAsync(turn, cancellationToken),
            PendingExtensionsCommand => await extensions.PendingAsync(turn, cancellationToken),
            DoneCommand done => await completions.DoneAsync(done, turn, cancellationToken),
            ReopenCommand reopen => await completions.ReopenAsync(reopen, turn, cancellationToken),
            ListEvidenceCommand list => await evidence.ListAsync(list, turn, cancellationToken),
            AddEvidenceCommand add => await evidence.AddAsync(add, turn, cancellationToken),
            WithdrawEvidenceCommand withdraw => await evidence.WithdrawAsync(withdraw, turn, cancellationToken),
            UndoCommand change => await undo.UndoAsync(change, turn, cancellationToken),
            ExtendCommand extend => await extensions.ExtendAsync(extend, turn, cancellationToken),
            DecideExtensionCommand decide => await extensions.DecideAsync(decide, turn, cancellationToken),
            ReassignCommand reassign => await handovers.HandOverAsync(reassign, turn, cancellationToken),
            SnoozeCommand snooze => await snoozes.SnoozeAsync(snooze, turn, cancellationToken),
            BindOfficeCommand bind => await administration.BindAsync(bind, turn, cancellationToken),
            UnbindCommand => await administration.UnbindAsync(turn, cancellationToken),
            LinkAccountCommand link => await administration.LinkAsync(link, turn, cancellationToken),
            AddRobotCommand robot => await administration.AddRobotAsync(robot, turn, cancellationToken),
            ListRobotsCommand => await administration.ListRobotsAsync(turn, cancellationToken),
            SubscribeCommand subscribe => await administration.SubscribeAsync(subscribe, turn, cancellationToken),
            WhoAmICommand => AdministrationHandler.WhoAmI(turn),
            InvalidCommand { Reason: InvalidInput.ImpossibleDate } invalid => new ChatReply(turn.Texts.ImpossibleDate(invalid.Detail)),
            InvalidCommand invalid => new ChatReply(turn.Texts.ReversedRange(invalid.Detail)),
            ClarifyCommand clarify => Offer(clarify.Readings, turn, turn.Texts.Clarify),
            UnknownCommand unknown => Offer(unknown.Suggestions, turn, turn.Texts.NotUnderstood),
            _ => new ChatReply(turn.Texts.Help),
        };

    /// <summary>
    /// The message is the command's own form, as a button sends it or as the help shows it (完成 T017,
    /// 申请延期 T017 到 2027-01-15): no undo needed, the person said exactly that.
    /// </summary>
    private static bool IsCommandForm(string text, ChatCommand command)
    {
        var said = Compact(TextNormalizer.Normalize(text).Text);
        return command is not (SeveralCommand or OfferCommand)
            && (said == Compact(TextNormalizer.Normalize(ReplyTexts.For(ReplyLanguage.Chinese).CommandText(command)).Text)
                || said == Compact(TextNormalizer.Normalize(ReplyTexts.For(ReplyLanguage.English).CommandText(command)).Text));
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Several tasks, one after another, each with its own outcome.</summary>
    private async Task<IReadOnlyList<ChatReply>> EachAsync(IReadOnlyList<ChatCommand> commands, ChatTurn turn, CancellationToken cancellationToken)
    {
        var replies = new List<ChatReply>();
        foreach (var command in commands)
        {
            replies.Add(await DispatchAsync(command, turn, cancellationToken));
        }

        return replies;
    }

    /// <summary>The answer, then the change the message seemed to ask for, offered as a button: nothing was changed.</summary>
    private static ChatReply Offered(ChatReply answer, IReadOnlyList<ChatCommand> offers, ChatTurn turn)
    {
        var labels = offers.Select(c => turn.Texts.ButtonLabel(c, turn.Today)).ToList();
        var said = turn.Texts.ChangeOffered(labels);
        return answer with
        {
            Footer = answer.Footer is null ? said : answer.Footer + "\n" + said,
            Suggestions = [.. offers.Select((c, i) => new ReplyAction(labels[i], turn.Texts.CommandText(c))), .. answer.Suggestions],
        };
    }

    /// <summary>The miss log's record of what the model made of the message (null when it was not asked).</summary>
    private static MissSuggestion? Logged(ModelSuggestion suggestion, bool offered, ChatTurn turn) => suggestion.Status switch
    {
        ModelSuggestionStatus.Off => null,
        _ when offered => new MissSuggestion("offered", suggestion.Intent, suggestion.Commands.Select(turn.Texts.CommandText).ToList(), null),
        _ => new MissSuggestion(suggestion.Status.ToString().ToLowerInvariant(), suggestion.Intent, suggestion.Commands.Select(turn.Texts.CommandText).ToList(), suggestion.Note),
    };

    /// <summary>
    /// The model's checked reading as buttons (你是想「申请延期 T029 到 2月20日，理由：…」吗？), then the rules'
    /// own readings when they asked back; tapping sends the command text, read and checked like any message.
    /// </summary>
    private static ChatReply Suggested(IReadOnlyList<ChatCommand> suggested, IReadOnlyList<ChatCommand> rules, ChatTurn turn)
    {
        var buttons = suggested.Concat(rules).DistinctBy(turn.Texts.CommandText).Take(3).ToList();
        var said = suggested.Select(c => c is ExtendCommand { Reason: not null } ? turn.Texts.CommandText(c) : turn.Texts.ButtonLabel(c, turn.Today)).ToList();
        return new ChatReply(turn.Texts.ModelSuggested(said))
        {
            Suggestions = buttons.Select(c => new ReplyAction(turn.Texts.ButtonLabel(c, turn.Today), turn.Texts.CommandText(c))).ToList(),
        };
    }

    /// <summary>A question answered as the model read it, with a line saying so: answering changes nothing.</summary>
    private static ChatReply Inferred(ChatReply answer, ChatCommand question, ChatTurn turn)
    {
        var said = turn.Texts.ModelInferred(turn.Texts.ButtonLabel(question, turn.Today));
        return answer with { Footer = answer.Footer is null ? said : answer.Footer + "\n" + said };
    }

    /// <summary>Commands offered as buttons, named in the text too for channels that show no buttons.</summary>
    private static ChatReply Offer(IReadOnlyList<ChatCommand> commands, ChatTurn turn, Func<IReadOnlyList<string>, string> say)
    {
        var labels = commands.Select(c => turn.Texts.ButtonLabel(c, turn.Today)).ToList();
        return new ChatReply(say(labels))
        {
            Suggestions = commands.Select((c, i) => new ReplyAction(labels[i], turn.Texts.CommandText(c))).ToList(),
        };
    }
}
