using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

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
        "fresh scans of large accounts. History: list_scans (kept scans and their figures), get_violation_history (trends " +
        "with policy changes) and detect_tag_drift (what changed on resources between two scans); the compliance, gap and " +
        "report tools take scan_id to answer about a past scan. Money is in USD with its provenance (measured, allocated, …).";

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
            .WithTools<HistoryTools>(McpJson.Options)
            .WithTools<WaiverTools>(McpJson.Options)
            .WithTools<ScheduleTools>(McpJson.Options)
            // The gate (who may call what, and the audit trail) runs first, then the argument check, then the tool.
            .WithRequestFilters(filters => filters.AddCallToolFilter(GateFilter).AddCallToolFilter(McpArgumentCheck.Filter));
        return builder;
    }

    /// <summary>
    /// Puts <typeparamref name="TGate"/> in front of every tool call (see <see cref="IToolCallGate"/>): how the sign-in
    /// and roles feature contributes its checks without configuring the MCP server a second time.
    /// </summary>
    public static IServiceCollection AddToolCallGate<TGate>(this IServiceCollection services)
        where TGate : class, IToolCallGate
    {
        services.Replace(ServiceDescriptor.Singleton<IToolCallGate, TGate>());
        return services;
    }

    private static McpRequestHandler<CallToolRequestParams, CallToolResult> GateFilter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (context, cancellationToken) => context.Services?.GetService<IToolCallGate>() is { } gate
            ? gate.InvokeAsync(context, next, cancellationToken)
            : next(context, cancellationToken);

    /// <summary>
    /// Maps the endpoint at <c>/mcp</c>. Requests whose <c>Origin</c> is not one of the app's own origins (scheme, host
    /// and port; see <see cref="McpOriginPolicy"/>) are refused (403), as the MCP transport requires against DNS
    /// rebinding (the host filter already refuses foreign <c>Host</c> headers),
    /// malformed messages get a JSON-RPC error naming what is wrong (<see cref="McpEnvelopeCheck"/>), and status-code
    /// pages never re-execute MCP responses.
    /// </summary>
    public static IEndpointConventionBuilder MapFinOpsMcp(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var server = endpoints.ServiceProvider.GetRequiredService<IServer>();
        var origins = new McpOriginPolicy(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()["AllowedHosts"],
            () => server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
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
                    await context.Response.WriteAsync("Origin not allowed: /mcp answers browsers only from the app's own origin (the same scheme, host and port).", context.RequestAborted);
                    return;
                }

                if (!await McpEnvelopeCheck.RefuseMalformedAsync(context))
                {
                    await inner(context);
                }
            };
        });
        // After every convention (the SDK declares its content type on the endpoint itself): content types are checked by
        // McpEnvelopeCheck, which says what is accepted, where routing would answer an empty 415.
        mapped.Finally(endpoint =>
        {
            for (var i = endpoint.Metadata.Count - 1; i >= 0; i--)
            {
                if (endpoint.Metadata[i] is IAcceptsMetadata)
                {
                    endpoint.Metadata.RemoveAt(i);
                }
            }
        });
        return mapped;
    }
}
