namespace CampaignBot.Board;

internal static class BoardServiceCollectionExtensions
{
    /// <summary>The progress board's read model and its choices (search, filters); its pages are mapped with the endpoints.</summary>
    internal static IServiceCollection AddBoard(this IServiceCollection services)
    {
        services.AddSingleton<BoardRepository>();
        services.AddSingleton<BoardChoices>();
        return services;
    }
}
