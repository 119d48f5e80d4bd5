using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// Renders an ApexCharts chart through <c>js/charts.js</c>; redraws when <see cref="Options"/> change. One draw runs at a
/// time: options that arrive during a draw (the dark theme read from the browser just after the first render) are
/// drawn when it ends, so what stays on screen is always the latest options.
/// </summary>
public sealed partial class ApexChart : IAsyncDisposable
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private DotNetObjectReference<ApexChart>? _self;
    private object? _drawn;
    private bool _drawing;
    private bool _disposed;

    [Inject]
    public required IJSRuntime JS { get; init; }

    /// <summary>The chart's options (see <see cref="ChartOptions"/>).</summary>
    [Parameter, EditorRequired]
    public required object Options { get; set; }

    /// <summary>What the chart shows, for screen readers.</summary>
    [Parameter, EditorRequired]
    public required string AriaLabel { get; set; }

    [Parameter]
    public int Height { get; set; } = 300;

    [Parameter]
    public string? TestId { get; set; }

    /// <summary>Raised with the index of the clicked data point (category).</summary>
    [Parameter]
    public EventCallback<int> OnPointSelected { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // A draw in progress picks up the newer options when it ends; a second concurrent draw could finish first
        // and leave the older options on screen.
        if (_drawing)
        {
            return;
        }

        _drawing = true;
        try
        {
            while (!_disposed && !ReferenceEquals(_drawn, Options))
            {
                var options = Options;
                _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/charts.js");
                _self ??= DotNetObjectReference.Create(this);
                await _module.InvokeVoidAsync(_drawn is null ? "render" : "update", _element, options, _self);
                _drawn = options;
            }
        }
        catch (JSDisconnectedException)
        {
        }
        finally
        {
            _drawing = false;
        }
    }

    /// <summary>Called from JavaScript when a bar or point is clicked.</summary>
    [JSInvokable]
    public Task PointSelected(int seriesIndex, int dataPointIndex) =>
        OnPointSelected.HasDelegate ? OnPointSelected.InvokeAsync(dataPointIndex) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("destroy", _element);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }

        _self?.Dispose();
    }
}
