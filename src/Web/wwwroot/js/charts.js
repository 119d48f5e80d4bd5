// ApexCharts (npm apexcharts@4.7.0, MIT) rendered through a small Blazor interop.
// Options come from C# as plain JSON; "finops.valueFormat" picks a formatter because functions can't cross interop.
const charts = new WeakMap();

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const count = new Intl.NumberFormat("en-US");
const formatters = {
    usd: v => usd.format(v ?? 0),
    percent: v => `${(v ?? 0).toFixed(1)}%`,
    count: v => count.format(v ?? 0),
};

function prepare(options, dotnet) {
    const format = formatters[options?.finops?.valueFormat] ?? (v => v);
    delete options.finops;
    options.chart = options.chart ?? {};
    options.chart.events = {
        dataPointSelection: (_event, _ctx, cfg) => dotnet?.invokeMethodAsync("PointSelected", cfg.seriesIndex, cfg.dataPointIndex),
    };
    options.yaxis = Object.assign({}, options.yaxis, { labels: Object.assign({}, options.yaxis?.labels, { formatter: format }) });
    options.dataLabels = Object.assign({ enabled: false }, options.dataLabels, { formatter: format });
    options.tooltip = Object.assign({}, options.tooltip, { y: { formatter: format } });
    if (options.plotOptions?.bar?.horizontal) {
        options.xaxis = Object.assign({}, options.xaxis, { labels: Object.assign({}, options.xaxis?.labels, { formatter: format }) });
        options.yaxis.labels.formatter = v => v;
    }
    return options;
}

export function render(element, options, dotnet) {
    destroy(element);
    const chart = new ApexCharts(element, prepare(options, dotnet));
    charts.set(element, chart);
    return chart.render();
}

export function update(element, options, dotnet) {
    const chart = charts.get(element);
    if (!chart) {
        return render(element, options, dotnet);
    }
    return chart.updateOptions(prepare(options, dotnet), true, false);
}

export function destroy(element) {
    const chart = element && charts.get(element);
    if (chart) {
        chart.destroy();
        charts.delete(element);
    }
}
