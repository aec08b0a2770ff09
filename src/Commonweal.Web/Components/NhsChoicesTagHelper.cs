using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>Radios or checkboxes: a fieldset with a legend, then one input and label per item.</summary>
public abstract class NhsChoicesTagHelper(IHtmlGenerator generator) : NhsFieldTagHelper(generator)
{
    public string Legend { get; set; } = "";

    /// <summary>When the question is the whole page, its legend is the page's heading.</summary>
    public bool LegendIsHeading { get; set; }

    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>"radios" or "checkboxes": the NHS.UK class prefix, which also names the JavaScript module.</summary>
    protected abstract string Kind { get; }

    protected abstract string InputType { get; }

    protected virtual IEnumerable<string> ExtraClasses => [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("nhsuk-fieldset");
        DescribeControl(fieldset);

        var html = new HtmlContentBuilder();
        html.AppendHtml(CreateLegend());
        AppendHintAndError(html);
        html.AppendHtml(CreateItems());
        fieldset.InnerHtml.AppendHtml(html);
        WriteFormGroup(output, fieldset);
    }

    private TagBuilder CreateLegend()
    {
        var legend = new TagBuilder("legend");
        legend.AddCssClass("nhsuk-fieldset__legend");
        if (!LegendIsHeading)
        {
            legend.InnerHtml.Append(Legend);
            return legend;
        }

        legend.AddCssClass("nhsuk-fieldset__legend--l");
        var heading = new TagBuilder("h1");
        heading.AddCssClass("nhsuk-fieldset__heading");
        heading.InnerHtml.Append(Legend);
        legend.InnerHtml.AppendHtml(heading);
        return legend;
    }

    private TagBuilder CreateItems()
    {
        var list = new TagBuilder("div");
        list.AddCssClass($"nhsuk-{Kind}");
        foreach (var extra in ExtraClasses)
        {
            list.AddCssClass(extra);
        }

        list.Attributes["data-module"] = $"nhsuk-{Kind}";
        var current = CurrentValues();
        var index = 0;
        foreach (var item in Items)
        {
            index++;
            // The first item takes the field's own id, so that the error summary's link lands on it.
            var id = index == 1 ? FieldId : FieldId + "-" + index.ToString(CultureInfo.InvariantCulture);
            list.InnerHtml.AppendHtml(CreateItem(item, id, current.Contains(item.Value)));
        }

        return list;
    }

    private TagBuilder CreateItem(SelectListItem item, string id, bool isChecked)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass($"nhsuk-{Kind}__input");
        input.Attributes["id"] = id;
        input.Attributes["name"] = FieldName;
        input.Attributes["type"] = InputType;
        input.Attributes["value"] = item.Value;
        if (isChecked)
        {
            input.Attributes["checked"] = "checked";
        }

        if (item.Disabled)
        {
            input.Attributes["disabled"] = "disabled";
        }

        var label = new TagBuilder("label");
        label.AddCssClass("nhsuk-label");
        label.AddCssClass($"nhsuk-{Kind}__label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(item.Text);

        var wrapper = new TagBuilder("div");
        wrapper.AddCssClass($"nhsuk-{Kind}__item");
        wrapper.InnerHtml.AppendHtml(input).AppendHtml(label);
        return wrapper;
    }
}
