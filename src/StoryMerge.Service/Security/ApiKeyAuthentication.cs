using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StoryMerge.Service.Security;

/// <summary>Authenticates a request by the API key in its <c>X-Api-Key</c> header (or <c>Authorization: Bearer</c>).</summary>
/// <remarks>
/// A key's role becomes role claims: an editor also holds feed and reader, a feed also reader. A service without keys
/// (<see cref="ApiKeys.None"/>, loopback only) treats every request as the local operator, holding every role. Neither
/// header can be sent by an HTML form or a no-cors fetch, so a key also keeps other origins' pages out.
/// </remarks>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string Header = "X-Api-Key";

    /// <summary>The names of the authorization policies: what each endpoint requires.</summary>
    public const string Read = "read", File = "file", Edit = "edit";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (keys.Path is null) return Task.FromResult(Success("local", Role.Editor));
        var presented = Presented(Request);
        if (presented is null) return Task.FromResult(AuthenticateResult.NoResult());
        var key = keys.Find(presented);
        return Task.FromResult(key is null ? AuthenticateResult.Fail("the API key is not known (revoked, or mistyped)") : Success(key.Name, key.Role));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\", Bearer";
        return base.HandleChallengeAsync(properties);
    }

    /// <summary>Adds the three policies: read (any role), file (feed or editor), edit (editor).</summary>
    public static void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Reader)));
        options.AddPolicy(File, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Feed)));
        options.AddPolicy(Edit, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Editor)));
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var value) && !string.IsNullOrWhiteSpace(value)) return value.ToString();
        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : null;
    }

    private AuthenticateResult Success(string name, Role role)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        foreach (var held in Enum.GetValues<Role>().Where(r => r <= role)) claims.Add(new Claim(ClaimTypes.Role, held.ToString()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
