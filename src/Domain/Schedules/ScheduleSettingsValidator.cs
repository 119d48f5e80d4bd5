using Microsoft.Extensions.Options;

namespace FinOps.Domain.Schedules;

/// <summary>Fails start-up when a schedule in settings could not be read, with one message per setting.</summary>
public sealed class ScheduleSettingsValidator : IValidateOptions<ScheduleSettings>
{
    public ValidateOptionsResult Validate(string? name, ScheduleSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Errors.IsEmpty ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
    }
}
