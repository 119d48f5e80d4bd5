using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace FinOps.Web.Components.Controls;

/// <summary>Copies <see cref="Text"/> to the clipboard (through <c>js/finops.js</c>) and confirms it, or says it could not.</summary>
public sealed partial class CopyButton : IAsyncDisposable
{
    private IJSObjectReference? _module;

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    /// <summary>What goes on the clipboard.</summary>
    [Parameter, EditorRequired]
    public required string Text { get; set; }

    /// <summary>What the button does, for its tooltip and screen readers (e.g. "Copy the ARN").</summary>
    [Parameter]
    public string Label { get; set; } = "Copy";

    /// <summary>What the confirmation calls the copied value (e.g. "ARN").</summary>
    [Parameter]
    public string What { get; set; } = "Text";

    private async Task CopyAsync()
    {
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/finops.js");
            var copied = await _module.InvokeAsync<bool>("copyText", Text);
            Snackbar.Add(copied ? $"{What} copied" : $"The browser did not allow copying; select the {What} and copy it instead.",
                copied ? Severity.Success : Severity.Warning);
        }
        catch (JSDisconnectedException)
        {
            // The page is gone; nothing to tell.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }
}
