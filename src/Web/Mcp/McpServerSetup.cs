using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol.Protocol;

namespace FinOps.Web.Mcp;

/// <summary>Registers the MCP server (Streamable HTTP at <c>/mcp</c>) and its tools.</summary>
public static class McpServerSetup
{
    /// <summary>Where the endpoint is mapped.</summary>
    public const string Path = "/mcp";

    private const string Instructions =
        "FinOps tag compliance for one AWS account (or the built-in sample account). Scans are cached: answers come " +
        "from the latest scan unless force_refresh is set, and every answer says as_of. Start with check_tag_compliance " +
        "(score, cost attribution gap, top violations) or get_cost_attribution_gap; use start_scan + get_scan_status for " +
        "fresh scans of large accounts. Money is in USD with its provenance (measured, allocated, …).";

    /// <summary>Adds the MCP server, its tools and their settings (<c>FinOps:Mcp</c>).</summary>
    public static WebApplicationBuilder AddFinOpsMcp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(FinOpsMcpOptions.Section);
        builder.Services.AddOptions<FinOpsMcpOptions>().Bind(section);
        var settings = section.Get<FinOpsMcpOptions>() ?? new FinOpsMcpOptions();

        builder.Services.TryAddSingleton<IPolicyEditAccess, SettingsPolicyEditAccess>();
        builder.Services.TryAddSingleton<IScanAccess, OpenScanAccess>();
        builder.Services.AddSingleton<McpScanResults>();

        // Answers already serialised, per cached result and call (they die with their result). A page of 50 violations
        // is about 35 KB of JSON plus its text block, so 32 kept per result stay within a few MB.
        builder.Services.AddSingleton(_ => new ResultMemo<PreparedAnswer>(capacityPerResult: 32));
        builder.Services.AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation
                {
                    Name = "finops-tag-compliance",
                    Title = "FinOps Tag Compliance",
                    Version = typeof(McpServerSetup).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
                };
                options.ServerInstructions = Instructions;
            })
            .WithHttpTransport(transport => transport.Stateless = settings.Stateless)
            .WithTools<PolicyTools>(McpJson.Options)
            .WithTools<RegionTools>(McpJson.Options)
            .WithTools<ComplianceTools>(McpJson.Options)
            .WithTools<ResourceTools>(McpJson.Options)
            .WithTools<ScanTools>(McpJson.Options)
            .WithTools<CostTools>(McpJson.Options)
            .WithTools<ReportTools>(McpJson.Options)
            .WithRequestFilters(filters => filters.AddCallToolFilter(McpArgumentCheck.Filter));
        return builder;
    }

    /// <summary>
    /// Maps the endpoint at <c>/mcp</c>. Requests whose <c>Origin</c> is not an allowed host are refused (403), as the
    /// MCP transport requires against DNS rebinding (the host filter already refuses foreign <c>Host</c> headers),
    /// malformed messages get a JSON-RPC error naming what is wrong (<see cref="McpEnvelopeCheck"/>), and status-code
    /// pages never re-execute MCP responses.
    /// </summary>
    public static IEndpointConventionBuilder MapFinOpsMcp(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var origins = new McpOriginPolicy(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()["AllowedHosts"]);
        var mapped = endpoints.MapMcp(Path);
        mapped.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate;
            if (inner is null)
            {
                return;
            }

            endpoint.RequestDelegate = async context =>
            {
                if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }

                if (!origins.Allows(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsync("Origin not allowed.", context.RequestAborted);
                    return;
                }

                if (!await McpEnvelopeCheck.RefuseMalformedAsync(context))
                {
                    await inner(context);
                }
            };
        });
        return mapped;
    }
}
