namespace CampaignBot.Tests.Support;

/// <summary>Waits for a condition that another party makes true.</summary>
public static class Eventually
{
    public static Task WaitAsync(Func<bool> condition, TimeSpan timeout) => WaitAsync(() => Task.FromResult(condition()), timeout);

    /// <summary>The same for a condition that reads something (the ledger) to know.</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException("The condition did not become true in " + timeout);
            }

            await Task.Delay(25);
        }
    }
}
