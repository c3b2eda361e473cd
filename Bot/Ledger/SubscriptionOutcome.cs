namespace CampaignBot.Ledger;

/// <summary>What 订阅我的提醒 or 退订 did.</summary>
public abstract record SubscriptionOutcome
{
    private SubscriptionOutcome()
    {
    }

    public sealed record Subscribed(Person Person) : SubscriptionOutcome;

    public sealed record Unsubscribed(Person Person) : SubscriptionOutcome;

    /// <summary>Subscribed already, or (for 退订) opted out already: nothing changed.</summary>
    public sealed record Unchanged(Person Person, bool IsSubscribed) : SubscriptionOutcome;

    /// <summary>The account speaks for no one in the directory.</summary>
    public sealed record UnknownPerson : SubscriptionOutcome;

    /// <summary>Subscriptions are a person's own: asked for in a group, they are refused.</summary>
    public sealed record NotAPersonalChat : SubscriptionOutcome;
}
