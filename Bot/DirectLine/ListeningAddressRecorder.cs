namespace CampaignBot.DirectLine;

/// <summary>
/// Once the bot listens (after every hosted service has started, the web server included), records
/// where (<see cref="ListeningAddressFile"/>); when it stops, removes the record.
/// </summary>
public sealed class ListeningAddressRecorder(EmbeddedConnector connector, ListeningAddressFile file, ILogger<ListeningAddressRecorder> logger) : IHostedLifecycleService
{
    private string? recorded;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (connector.CurrentRoot is not { } root)
        {
            return Task.CompletedTask;
        }

        try
        {
            file.Write(root);
            recorded = root;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not record where the bot listens in {Path}: operator commands will use DirectLine:ConnectorBaseUrl or Urls", file.FilePath);
        }

        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (recorded is not null)
        {
            file.Remove(recorded);
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
