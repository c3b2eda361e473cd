using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;

namespace CampaignBot.Security;

/// <summary>
/// Headers on every response: pages may not be framed by other sites, nothing is sniffed into
/// another type, no address leaks in a Referer. Pages get a Content-Security-Policy that allows
/// only this server's scripts (and the pages' own inline scripts, by hash); everything else
/// (data, downloads of uploaded files) gets one that allows nothing, so an uploaded HTML or SVG
/// file opened directly runs no script.
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>For downloads and API answers: nothing runs, nothing is loaded, nothing frames it.</summary>
    public const string NonPagePolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var environment = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
        var pagePolicy = PagePolicy(environment.WebRootFileProvider);
        return app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                var isPage = http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                headers.ContentSecurityPolicy = isPage ? pagePolicy : NonPagePolicy;
                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    /// <summary>
    /// The pages' policy. Web Chat styles itself at run time (inline styles), shows pictures from
    /// data: and blob: urls and runs a worker from a blob: url; its Direct Line stream is a WebSocket
    /// to this server ('self').
    /// </summary>
    public static string PagePolicy(IFileProvider webRoot)
    {
        var scriptSources = InlineScripts(webRoot)
            .Select(script => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'")
            .Distinct()
            .Prepend("'self'");
        return "default-src 'self'; " +
            $"script-src {string.Join(' ', scriptSources)}; " +
            "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; " +
            "worker-src 'self' blob:; connect-src 'self' blob:; " +
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>The inline scripts of every page under the web root, as the browser hashes them.</summary>
    private static IEnumerable<string> InlineScripts(IFileProvider webRoot, string folder = "")
    {
        foreach (var entry in webRoot.GetDirectoryContents(folder))
        {
            var path = folder.Length == 0 ? entry.Name : folder + "/" + entry.Name;
            if (entry.IsDirectory)
            {
                if (entry.Name != "lib")
                {
                    foreach (var script in InlineScripts(webRoot, path))
                    {
                        yield return script;
                    }
                }

                continue;
            }

            if (!entry.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            using var reader = new StreamReader(entry.CreateReadStream(), Encoding.UTF8);
            foreach (Match match in InlineScript().Matches(reader.ReadToEnd()))
            {
                yield return match.Groups["body"].Value;
            }
        }
    }

    [GeneratedRegex(@"<script>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
