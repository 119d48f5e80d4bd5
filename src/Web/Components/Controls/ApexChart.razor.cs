using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FinOps.Web.Components.Controls;

/// <summary>Renders an ApexCharts chart through <c>js/charts.js</c>; re-renders when <see cref="Options"/> change.</summary>
public sealed partial class ApexChart : IAsyncDisposable
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private DotNetObjectReference<ApexChart>? _self;
    private object? _rendered;

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
        if (ReferenceEquals(_rendered, Options))
        {
            return;
        }

        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/charts.js");
            _self ??= DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync(_rendered is null ? "render" : "update", _element, Options, _self);
            _rendered = Options;
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>Called from JavaScript when a bar or point is clicked.</summary>
    [JSInvokable]
    public Task PointSelected(int seriesIndex, int dataPointIndex) =>
        OnPointSelected.HasDelegate ? OnPointSelected.InvokeAsync(dataPointIndex) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
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
