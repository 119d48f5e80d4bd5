using System.Globalization;
using FinOps.Domain.Costs;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// Chooses the billing period of cost figures: the last complete month (the default), month to date, a calendar month
/// or a custom range of days. <see cref="Value"/> is the text <see cref="BillingPeriod.TryParse"/> accepts, so pages
/// keep it in the URL and validate it with the domain; the picker itself only formats.
/// </summary>
public sealed partial class BillingPeriodPicker
{
    /// <summary>Value of the default choice.</summary>
    public const string LastMonth = "last-month";

    /// <summary>Value of the month-to-date choice.</summary>
    public const string MonthToDate = "month-to-date";

    private const string AMonth = "month";
    private const string Custom = "custom";
    private const int MonthsOffered = 24;

    private string _mode = LastMonth;
    private string? _month;
    private DateTime? _from;
    private DateTime? _to;
    private string? _emitted;

    /// <summary>Today (UTC), which the relative choices and the month list are based on.</summary>
    [Parameter, EditorRequired]
    public required DateOnly Today { get; set; }

    /// <summary>The period as text (<c>last-month</c>, <c>month-to-date</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD..YYYY-MM-DD</c>); empty means the default.</summary>
    [Parameter]
    public string? Value { get; set; }

    [Parameter]
    public EventCallback<string> ValueChanged { get; set; }

    /// <summary>Why the current value is not accepted, shown under the picker.</summary>
    [Parameter]
    public string? Error { get; set; }

    [Parameter]
    public string Label { get; set; } = "Billing period";

    /// <summary>The current month and the ones before it, newest first.</summary>
    private IEnumerable<BillingPeriod> Months =>
        Enumerable.Range(0, MonthsOffered).Select(i => new DateOnly(Today.Year, Today.Month, 1).AddMonths(-i))
            .Select(m => BillingPeriod.Month(m.Year, m.Month));

    protected override void OnParametersSet()
    {
        var value = Value?.Trim() ?? "";
        if (value == _emitted)
        {
            return;
        }

        // Shows a value that came from outside (the URL) in the matching choice.
        _emitted = value;
        if (value.Length == 0 || value is LastMonth)
        {
            _mode = LastMonth;
        }
        else if (value is MonthToDate)
        {
            _mode = MonthToDate;
        }
        else if (value.Contains("..", StringComparison.Ordinal))
        {
            _mode = Custom;
            var parts = value.Split("..");
            _from = ParseDay(parts[0]);
            _to = ParseDay(parts.Length > 1 ? parts[1] : "")?.AddDays(-1);
        }
        else
        {
            _mode = AMonth;
            _month = value;
        }
    }

    private Task OnModeChanged(string mode)
    {
        _mode = mode;
        return mode switch
        {
            AMonth => OnMonthChanged(_month ?? BillingPeriod.LastCompleteMonth(Today).ToString()),
            Custom => EmitRangeAsync(),
            _ => EmitAsync(mode),
        };
    }

    private Task OnMonthChanged(string month)
    {
        _month = month;
        return EmitAsync(month);
    }

    private Task OnFromChanged(DateTime? from)
    {
        _from = from;
        return EmitRangeAsync();
    }

    private Task OnToChanged(DateTime? to)
    {
        _to = to;
        return EmitRangeAsync();
    }

    /// <summary>The range as text; the end day is inclusive on screen and exclusive in the text, as Cost Explorer counts.</summary>
    private Task EmitRangeAsync()
    {
        if (_from is null || _to is null)
        {
            return Task.CompletedTask;
        }

        var start = DateOnly.FromDateTime(_from.Value);
        var end = DateOnly.FromDateTime(_to.Value).AddDays(1);
        return EmitAsync(string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd}..{end:yyyy-MM-dd}"));
    }

    private Task EmitAsync(string value)
    {
        _emitted = value;
        return ValueChanged.InvokeAsync(value);
    }

    private static DateTime? ParseDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToDateTime(TimeOnly.MinValue)
            : null;
}
