using Bunit;
using FinOps.Web.Components.Controls;

namespace FinOps.Tests.Components.Controls;

public sealed class ApexChartTests : BunitContext
{
    private readonly object _light = new { theme = new { mode = "light" } };
    private readonly object _dark = new { theme = new { mode = "dark" } };

    [Fact]
    public async Task Options_that_arrive_during_a_draw_are_drawn_after_it_and_are_what_stays_on_screen()
    {
        var module = JSInterop.SetupModule("./js/charts.js");
        var render = module.SetupVoid("render", _ => true);
        var update = module.SetupVoid("update", _ => true);
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, _light).Add(c => c.AriaLabel, "Scores"));
        Assert.Same(_light, Assert.Single(render.Invocations).Arguments[1]);

        // The dark theme is read from the browser while the first (light) draw is still running.
        chart.Render(p => p.Add(c => c.Options, _dark));
        Assert.Single(render.Invocations);
        Assert.Empty(update.Invocations);

        await chart.InvokeAsync(render.SetVoidResult);

        chart.WaitForAssertion(() => Assert.Same(_dark, Assert.Single(update.Invocations).Arguments[1]));
        Assert.Single(render.Invocations);
    }

    [Fact]
    public void Rendering_again_with_the_options_on_screen_does_not_redraw()
    {
        var module = JSInterop.SetupModule("./js/charts.js");
        var render = module.SetupVoid("render", _ => true);
        render.SetVoidResult();
        var update = module.SetupVoid("update", _ => true);
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, _dark).Add(c => c.AriaLabel, "Scores"));
        chart.WaitForAssertion(() => Assert.Single(render.Invocations));

        chart.Render(p => p.Add(c => c.Height, 320));

        Assert.Single(render.Invocations);
        Assert.Empty(update.Invocations);
    }
}
