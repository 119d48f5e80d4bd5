using System.Globalization;
using System.Security.Claims;
using FinOps.Web.Hosting;
using FinOps.Web.Mcp;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Authentication;

namespace FinOps.Web.Security;

/// <summary>
/// Composes sign-in, roles, the protection of <c>/mcp</c> and <c>/api</c>, and the hardening of every request.
/// <see cref="AddFinOpsAccess"/> is the light part pages need (settings, permissions, audit);
/// <see cref="AddFinOpsSecurity"/> adds schemes, policies and limits; <see cref="UseFinOpsSecurity"/> the middleware.
/// </summary>
public static class FinOpsSecurityExtensions
{
    /// <summary>Where the protected-resource metadata of <c>/mcp</c> is served.</summary>
    public const string ProtectedResourceMetadataPath = "/.well-known/oauth-protected-resource/mcp";

    /// <summary>Settings (validated at start), permission grants, the audit trail and the dashboard user.</summary>
    public static IServiceCollection AddFinOpsAccess(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(CallerGrants)))
        {
            return services;
        }

        services.AddOptions<FinOpsAuthOptions>().Bind(configuration.GetSection(FinOpsAuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FinOpsAuthOptions>, FinOpsAuthOptionsValidator>();
        services.AddOptions<RequestLimitsOptions>().Bind(configuration.GetSection(RequestLimitsOptions.Section))
            .ValidateDataAnnotations()
            .Validate(l => l.RateLimitPeriod > TimeSpan.Zero && l.RateLimitPeriod <= TimeSpan.FromHours(1),
                $"{RequestLimitsOptions.Section}:RateLimitPeriod must be between 00:00:00.001 and 01:00:00 (e.g. 00:00:10).")
            .ValidateOnStart();
        services.AddSingleton<CallerGrants>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ApiKeyRing>();
        services.TryAddSingleton(new SessionClock(TimeProvider.System));
        services.AddScoped<DashboardUser>();
        return services;
    }

    /// <summary>Authentication schemes, authorization policies, rate limits, safe errors, health checks, the start-up guard.</summary>
    public static WebApplicationBuilder AddFinOpsSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddFinOpsAccess(builder.Configuration);
        var settings = builder.Configuration.GetSection(FinOpsAuthOptions.Section).Get<FinOpsAuthOptions>() ?? new FinOpsAuthOptions();
        var selection = new SchemeSelection(settings, settings.ApiKeys.Count > 0);

        var authentication = services.AddAuthentication(FinOpsSchemes.Default)
            .AddPolicyScheme(FinOpsSchemes.Default, "FinOps", o =>
            {
                o.ForwardDefaultSelector = selection.Authenticate;
                o.ForwardChallenge = FinOpsSchemes.Challenge;
                o.ForwardForbid = FinOpsSchemes.Forbid;
            })
            .AddPolicyScheme(FinOpsSchemes.Challenge, "FinOps challenge", o => o.ForwardDefaultSelector = selection.Challenge)
            .AddPolicyScheme(FinOpsSchemes.Forbid, "FinOps forbid", o => o.ForwardDefaultSelector = selection.Forbid)
            .AddScheme<AuthenticationSchemeOptions, LocalAuthenticationHandler>(FinOpsSchemes.Local, "Local mode", null)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(FinOpsSchemes.ApiKey, "API key", null);
        if (settings.SignInConfigured)
        {
            AddSignIn(authentication, services, settings);
        }

        services.AddAuthorization(FinOpsPolicies.AddTo);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, FinOpsAuthorizationResultHandler>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionExpiryAuthenticationStateProvider>();
        services.AddScoped<CircuitIdentity>();

        // MCP: who may save the policy, who may cause a scan (the MCP setup only adds its defaults if none is there), and
        // the gate in front of every tool call (permissions and audit); the MCP server itself is configured by McpServerSetup.
        services.AddSingleton<FinOps.Web.Mcp.IPolicyEditAccess, PermissionPolicyEditAccess>();
        services.AddSingleton<FinOps.Web.Mcp.IScanAccess, PermissionScanAccess>();
        services.AddToolCallGate<McpToolAuthorization>();

        // A request that names no host (HTTP/1.0 without Host, or an empty one) could be anyone's: with AllowedHosts set,
        // the host filter refuses it like a foreign host.
        services.PostConfigure<HostFilteringOptions>(o => o.AllowEmptyHosts = false);
        services.AddClientRateLimits();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<SafeExceptionHandler>();
        FinOps.Web.Hosting.Health.HealthEndpoints.AddFinOpsHealthChecks(services);
        services.AddReverseProxySupport(builder.Configuration);
        services.AddHostedService<ListenAddressGuard>();
        return builder;
    }

    /// <summary>
    /// The security middleware, in order: forwarded headers (behind a proxy), correlation id, safe errors, HSTS, security
    /// headers, body limits, routing, authentication, rate limits, authorization, antiforgery.
    /// </summary>
    public static WebApplication UseFinOpsSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseReverseProxySupport();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", CreateScopeForErrors = true });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    private static void AddSignIn(AuthenticationBuilder authentication, IServiceCollection services, FinOpsAuthOptions settings)
    {
        var oidc = settings.Oidc;
        var audience = settings.Mcp.Audience ?? "";
        authentication
            .AddCookie(FinOpsSchemes.Session, "Dashboard session", o =>
            {
                o.Cookie.Name = "finops.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = settings.SessionLifetime;
                // A fixed session length: an open page knows when it ends and sends the user to sign in again.
                o.SlidingExpiration = false;
                o.LoginPath = AccountEndpoints.LoginPath;
                o.AccessDeniedPath = AccountEndpoints.AccessDeniedPath;
            })
            .AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, "OpenID Connect", o =>
            {
                o.SignInScheme = FinOpsSchemes.Session;
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = string.IsNullOrWhiteSpace(oidc.ClientSecret) ? null : oidc.ClientSecret;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back in the query of a top-level redirect, so the correlation cookies can be SameSite=Lax.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.SaveTokens = false;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.DisableTelemetry = true;
                o.Scope.Clear();
                foreach (var scope in oidc.EffectiveScopes)
                {
                    o.Scope.Add(scope);
                }

                o.ClaimActions.MapJsonKey(settings.RoleClaim, settings.RoleClaim);
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.SignedOutRedirectUri = "/";
            })
            .AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.Authority = oidc.Authority;
                o.Audience = audience;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.ValidAudiences = [audience, audience.TrimEnd('/')];
                o.TokenValidationParameters.NameClaimType = PermissionClaims.Actor;
                o.TokenValidationParameters.RoleClaimType = PermissionClaims.Role;
            })
            .AddMcp(o =>
            {
                // Every 401 of /mcp and /api points at the one document of the MCP resource (RFC 9728 §3.1 path form).
                o.ResourceMetadataUri = new Uri(ProtectedResourceMetadataPath, UriKind.Relative);
                o.ResourceMetadata = new ProtectedResourceMetadata
                {
                    Resource = audience,
                    AuthorizationServers = [oidc.Authority!],
                    ScopesSupported = [.. FinOpsPermissions.Scopes],
                    BearerMethodsSupported = ["header"],
                    ResourceName = "FinOps Tag Compliance",
                    ResourceDocumentation = settings.Mcp.Documentation,
                };
            });

        services.AddOptions<CookieAuthenticationOptions>(FinOpsSchemes.Session)
            .Configure<SessionClock, CallerGrants, AuditTrail>((o, clock, grants, audit) =>
            {
                o.TimeProvider = clock.Time;
                o.Events.OnSigningIn = context =>
                {
                    if (context.Principal?.Identity is ClaimsIdentity identity)
                    {
                        grants.StampSignedInUser(identity);
                        var expires = context.Properties.ExpiresUtc ?? clock.Time.GetUtcNow().Add(o.ExpireTimeSpan);
                        identity.AddClaim(new Claim(PermissionClaims.SessionExpires,
                            expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
                        audit.SignedIn(context.Principal);
                    }

                    return Task.CompletedTask;
                };
            });

        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<AuditTrail>((o, audit) =>
            {
                o.Events.OnRedirectToIdentityProvider = context =>
                {
                    // The circuit's hub and machines cannot follow a sign-in page: they get a plain 401.
                    if (RequestKinds.IsCircuit(context.Request) || RequestKinds.IsMachine(context.Request))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.HandleResponse();
                    }

                    return Task.CompletedTask;
                };
                o.Events.OnTokenValidated = context =>
                {
                    // Only the ID token is kept (for the provider's sign-out, id_token_hint); access tokens are not needed.
                    if (context.TokenEndpointResponse?.IdToken is { Length: > 0 } idToken)
                    {
                        context.Properties?.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
                    }

                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    context.ProtocolMessage.ClientId = context.Options.ClientId;
                    return Task.CompletedTask;
                };
                o.Events.OnRemoteFailure = context =>
                {
                    audit.SignInFailed(context.Failure?.Message ?? "unknown failure");
                    context.Response.Redirect(AccountEndpoints.AccessDeniedPath + "?signin=failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });

        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<CallerGrants, AuditTrail>((o, grants, audit) =>
            {
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (context.Principal?.Identity is ClaimsIdentity identity)
                        {
                            grants.StampAccessToken(identity);
                        }

                        return Task.CompletedTask;
                    },
                    OnAuthenticationFailed = context =>
                    {
                        // The exception type says why (expired, bad signature, wrong audience) without the token.
                        audit.CredentialRejected("bearer token", context.HttpContext.Connection.RemoteIpAddress?.ToString(),
                            context.Exception.GetType().Name);
                        return Task.CompletedTask;
                    },
                };
            });
    }
}
