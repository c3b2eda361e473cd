namespace CampaignBot.DirectLine;

/// <summary>Errors in the Direct Line 3.0 shape: <c>{"error": {"code": ..., "message": ...}}</c>.</summary>
public static class DirectLineErrors
{
    public static IResult Of(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);

    public static IResult BadArgument(string message) => Of(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult Unauthorized(string message) => Of(StatusCodes.Status401Unauthorized, "Unauthorized", message);

    /// <summary>403 is what Direct Line clients read as "this token is no good any more" (DirectLineJS stops retrying).</summary>
    public static IResult Forbidden(string message) => Of(StatusCodes.Status403Forbidden, "Forbidden", message);

    public static IResult NotFound(string message) => Of(StatusCodes.Status404NotFound, "NotFound", message);

    public static IResult TooLarge(long limit, string what = "An upload") =>
        Of(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", limit >= 1024 * 1024
            ? $"{what} is limited to {limit / (1024 * 1024)} MB."
            : $"{what} is limited to {limit / 1024} KB; send files by upload.");
}
