using System.Text.Json;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>
/// A chart drawn by the vendored Chart.js (wwwroot/lib/chartjs) from the numbers given:
/// <c>&lt;cw-chart kind="bar" caption="Income by funder" labels="…" values="…" unit="£" /&gt;</c>.
/// The chart is an enhancement: the page always shows the same numbers in a table beside it, and
/// without JavaScript only the caption and a pointer to the table remain. Hidden from screen
/// readers, which read the table.
/// </summary>
[HtmlTargetElement("cw-chart", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ChartTagHelper : TagHelper
{
    private static readonly HashSet<string> Kinds = ["bar", "doughnut", "line"];

    /// <summary>bar, doughnut or line.</summary>
    public string Kind { get; set; } = "bar";
    public string Caption { get; set; } = "";
    public IReadOnlyList<string> Labels { get; set; } = [];

    /// <summary>One series; for several, use <see cref="Series"/>.</summary>
    public IReadOnlyList<double>? Values { get; set; }

    /// <summary>Named series sharing the labels (a stacked trend).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>>? Series { get; set; }

    /// <summary>"£" or "%": how the axis and tooltips show a value.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The id of the table holding the same numbers.</summary>
    public string? Table { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var series = Series?.Select(s => new { label = s.Key, data = s.Value }).ToArray()
            ?? [new { label = Caption, data = Values ?? [] }];
        var config = JsonSerializer.Serialize(new { kind = Kinds.Contains(Kind) ? Kind : "bar", labels = Labels, series, unit = Unit });
        output.TagName = "figure";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "cw-chart");
        var table = Table is null ? "" : $" <a href=\"#{System.Net.WebUtility.HtmlEncode(Table)}\">See the table</a> for the numbers.";
        output.Content.SetHtmlContent(
            $"<figcaption class=\"nhsuk-body-s\">{System.Net.WebUtility.HtmlEncode(Caption)}.{table}</figcaption>" +
            $"<div class=\"cw-chart__canvas\" aria-hidden=\"true\"><canvas data-cw-chart=\"{System.Net.WebUtility.HtmlEncode(config)}\"></canvas></div>");
    }
}
