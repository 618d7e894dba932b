using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StoryMerge.Service.Http;

/// <summary>What keeps other sites' pages out: security headers on every answer, and no state change from another origin.</summary>
public static class BrowserProtection
{
    /// <summary>The page's policy: its own script and styles only (no inline script), nothing framed, nothing sent elsewhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers, and refuses (403) a POST, PUT, PATCH or DELETE a browser sends from another origin.</summary>
    /// <remarks>
    /// A browser names the page that made a request in <c>Origin</c> (and, in current browsers, <c>Sec-Fetch-Site</c>) on
    /// every cross-origin POST, an HTML form's and a no-cors fetch's included; curl and feed clients send neither, and
    /// the service's own page sends its own origin. CORS is not enabled, so no other origin can read an answer either.
    /// </remarks>
    public static IApplicationBuilder UseBrowserProtection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
                && CrossOrigin(context.Request) is { } from)
            {
                await Problems.Forbidden("origin", $"a change requested by a page of another origin ({from}) is refused").ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    /// <summary>The other origin a request comes from, or null when it is same-origin or not from a browser.</summary>
    private static string? CrossOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        if (site is "cross-site" or "same-site") return origin.Length > 0 ? origin : site;
        if (origin.Length == 0) return null;
        if (origin == "null") return origin;   // a sandboxed frame or a file: page
        var own = $"{request.Scheme}://{request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ? null : origin;
    }
}
