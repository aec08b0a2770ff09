using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>
/// An NHS.UK select: <c>&lt;nhs-select asp-for="Input.LegalForm" label="Legal form" items="Model.LegalForms" placeholder="Choose a legal form" /&gt;</c>.
/// </summary>
[HtmlTargetElement("nhs-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsSelectTagHelper(IHtmlGenerator generator) : NhsLabelledFieldTagHelper(generator)
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>A first option with an empty value, so that nothing is chosen until a person chooses.</summary>
    public string? Placeholder { get; set; }

    protected override TagBuilder CreateControl()
    {
        var select = new TagBuilder("select");
        select.AddCssClass("nhsuk-select");
        DescribeControl(select, "nhsuk-select--error");
        if (Placeholder is not null)
        {
            select.InnerHtml.AppendHtml(Option("", Placeholder, selected: false, disabled: false));
        }

        var current = CurrentValue;
        foreach (var item in Items)
        {
            select.InnerHtml.AppendHtml(Option(item.Value, item.Text, item.Value == current, item.Disabled));
        }

        return select;
    }

    private static TagBuilder Option(string value, string text, bool selected, bool disabled)
    {
        var option = new TagBuilder("option");
        option.Attributes["value"] = value;
        if (selected)
        {
            option.Attributes["selected"] = "selected";
        }

        if (disabled)
        {
            option.Attributes["disabled"] = "disabled";
        }

        option.InnerHtml.Append(text);
        return option;
    }
}
