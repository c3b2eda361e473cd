using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CampaignBot.DirectLine;

/// <summary>
/// Direct Line tokens: JWTs signed (HS256) with a key derived from the channel secret, carrying the
/// conversation and the user. Web Chat reads the user id from the token's "user" claim, as it does
/// with the cloud service's tokens. Expiry is checked against the injected clock, not the library's.
/// </summary>
public sealed class DirectLineTokens(DirectLineSecret secret, IOptions<DirectLineOptions> options, TimeProvider time) : IDisposable
{
    private const string Issuer = "campaignbot-directline";
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Lazy<SymmetricSecurityKey> key = new(() => new SymmetricSecurityKey(secret.KeyFor("tokens")));

    /// <summary>
    /// Tokens whose signature was checked, with what they grant: a conversation presents the same
    /// token with every message, and checking it again each time (parsing, HMAC, claims) was a
    /// measurable share of a Web Chat message's cost. Only valid tokens are kept (nobody can fill it
    /// with made-up ones), each until it expires, at most <see cref="RememberedTokens"/>; expiry is
    /// still checked against the injected clock at every use.
    /// </summary>
    private readonly MemoryCache checkedTokens = new(new MemoryCacheOptions { SizeLimit = RememberedTokens });

    private const int RememberedTokens = 10_000;

    public void Dispose() => checkedTokens.Dispose();

    public TimeSpan Lifetime => TimeSpan.FromMinutes(options.Value.TokenLifetimeMinutes);

    public string Issue(string conversationId, string userId, string? userName)
    {
        var now = time.GetUtcNow();
        var claims = new Dictionary<string, object> { ["conv"] = conversationId, ["user"] = userId };
        if (!string.IsNullOrEmpty(userName))
        {
            claims["name"] = userName;
        }

        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Value, SecurityAlgorithms.HmacSha256),
        });
    }

    public async Task<(DirectLineGrant? Grant, TokenProblem Problem)> ReadAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, TokenProblem.Missing);
        }

        if (checkedTokens.TryGetValue(token, out DirectLineGrant? known))
        {
            return Unexpired(known!);
        }

        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
            IssuerSigningKey = key.Value,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        });
        if (!result.IsValid
            || !result.Claims.TryGetValue("conv", out var conversation) || conversation is not string conversationId
            || !result.Claims.TryGetValue("user", out var user) || user is not string userId
            || result.SecurityToken is not JsonWebToken jwt)
        {
            return (null, TokenProblem.Invalid);
        }

        var grant = new DirectLineGrant(
            conversationId, userId, result.Claims.TryGetValue("name", out var name) ? name as string : null, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        checkedTokens.Set(token, grant, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = grant.ExpiresAt });
        return Unexpired(grant);
    }

    private (DirectLineGrant? Grant, TokenProblem Problem) Unexpired(DirectLineGrant grant) =>
        grant.ExpiresAt <= time.GetUtcNow() ? (null, TokenProblem.Expired) : (grant, TokenProblem.None);
}
