using System.Text.RegularExpressions;
using Commonweal.Importing;

namespace Commonweal.Organisations;

/// <summary>
/// One GP practice as the NHS Organisation Data Service lists it in epraccur.csv (no header,
/// 27 columns), validated against the limits of the organisations table.
/// </summary>
public sealed partial record OdsPractice(
    string Code,
    string Name,
    string? AddressLine1,
    string? AddressLine2,
    string? Town,
    string? Postcode,
    OrganisationStatus Status,
    string? CommissionerCode,
    string? Phone)
{
    public const int ColumnCount = 27;
    public const string IdentifierPrefix = "GB-NHS-";

    private const int PhoneMaxLength = 40;
    private const int AddressLineMaxLength = 200;
    private const int TownMaxLength = 100;
    private const int CommissionerCodeMaxLength = 10;

    /// <summary>
    /// Counties close most ODS addresses; they are not towns, so they are left out. The list holds
    /// the English counties, ceremonial and historic, that appear in the register.
    /// </summary>
    private static readonly HashSet<string> Counties = new(
    [
        "AVON", "BEDFORDSHIRE", "BERKSHIRE", "BUCKINGHAMSHIRE", "CAMBRIDGESHIRE", "CHESHIRE", "CLEVELAND", "CORNWALL",
        "CUMBRIA", "DERBYSHIRE", "DEVON", "DORSET", "COUNTY DURHAM", "CO DURHAM", "DURHAM", "EAST SUSSEX", "EAST YORKSHIRE",
        "EAST RIDING OF YORKSHIRE", "NORTH HUMBERSIDE", "SOUTH HUMBERSIDE", "HUMBERSIDE", "ESSEX", "GLOUCESTERSHIRE",
        "GREATER LONDON", "GREATER MANCHESTER", "HAMPSHIRE", "HEREFORDSHIRE", "HERTFORDSHIRE", "ISLE OF WIGHT", "KENT",
        "LANCASHIRE", "LEICESTERSHIRE", "LINCOLNSHIRE", "MERSEYSIDE", "MIDDLESEX", "NORFOLK", "NORTH YORKSHIRE",
        "NORTHAMPTONSHIRE", "NORTHUMBERLAND", "NOTTINGHAMSHIRE", "OXFORDSHIRE", "RUTLAND", "SHROPSHIRE", "SOMERSET",
        "SOUTH YORKSHIRE", "STAFFORDSHIRE", "SUFFOLK", "SURREY", "TYNE & WEAR", "TYNE AND WEAR", "WARWICKSHIRE",
        "WEST MIDLANDS", "WEST SUSSEX", "WEST YORKSHIRE", "WILTSHIRE", "WORCESTERSHIRE", "ISLES OF SCILLY",
    ], StringComparer.OrdinalIgnoreCase);

    public string Identifier => IdentifierPrefix + Code;

    /// <summary>Reads one record, or says in plain words why it cannot be used.</summary>
    public static (OdsPractice? Practice, string? Error) Parse(IReadOnlyList<string> fields)
    {
        if (fields.Count != ColumnCount)
        {
            return (null, $"expected {ColumnCount} columns, found {fields.Count}");
        }

        string Field(int column) => fields[column - 1].Trim();
        var code = Field(1).ToUpperInvariant();
        if (code.Length == 0)
        {
            return (null, "missing ODS code");
        }

        if (!PracticeCode().IsMatch(code))
        {
            return (null, $"ODS code '{code}' is not a GP practice code (a letter and 5 digits, or 3 letters and 3 digits in the Channel Islands)");
        }

        var name = Field(2);
        if (name.Length == 0)
        {
            return (null, "missing practice name");
        }

        var rawPostcode = Field(10);
        var postcode = Postcodes.Normalise(rawPostcode);
        if (rawPostcode.Length > 0 && postcode is null)
        {
            return (null, $"postcode '{rawPostcode}' is not a valid postcode");
        }

        var status = Field(13) switch
        {
            "A" => OrganisationStatus.Active,
            "C" => OrganisationStatus.Closed,
            "D" => OrganisationStatus.Dormant,
            "P" => OrganisationStatus.Proposed,
            _ => (OrganisationStatus?)null,
        };
        if (status is null)
        {
            return (null, $"unknown status code '{Field(13)}' (expected A, C, D or P)");
        }

        var (line1, line2, town) = Address([Field(5), Field(6), Field(7), Field(8), Field(9)]);
        var practice = new OdsPractice(code, TitleCase.Apply(name), line1, line2, town, postcode, status.Value,
            Optional(Field(15)), Optional(Field(18)));
        var tooLong = TooLong("name", practice.Name, Organisation.NameMaxLength)
            ?? TooLong("address line 1", line1, AddressLineMaxLength)
            ?? TooLong("address line 2", line2, AddressLineMaxLength)
            ?? TooLong("town", town, TownMaxLength)
            ?? TooLong("commissioner code", practice.CommissionerCode, CommissionerCodeMaxLength)
            ?? TooLong("phone number", practice.Phone, PhoneMaxLength);
        return tooLong is null ? (practice, null) : (null, tooLong);
    }

    /// <summary>True when the organisation already holds everything this listing says.</summary>
    public bool Matches(Organisation o) =>
        o.Identifier == Identifier && o.Name == Name && o.LegalForm == LegalForm.GpPractice
        && o.AddressLine1 == AddressLine1 && o.AddressLine2 == AddressLine2 && o.Town == Town && o.Postcode == Postcode
        && o.Status == Status && o.CommissionerCode == CommissionerCode && o.Phone == Phone
        && o.Activities.HasFlag(Activities.DirectServiceProvider);

    public void ApplyTo(Organisation o)
    {
        o.Identifier = Identifier;
        o.Name = Name;
        o.LegalForm = LegalForm.GpPractice;
        o.AddressLine1 = AddressLine1;
        o.AddressLine2 = AddressLine2;
        o.Town = Town;
        o.Postcode = Postcode;
        o.Status = Status;
        o.CommissionerCode = CommissionerCode;
        o.Phone = Phone;
        o.Activities |= Activities.DirectServiceProvider;
    }

    /// <summary>
    /// ODS fills its five address lines from the top and usually ends with a county: the first line
    /// is kept as line 1, the last that is not a county as the town, and any between as line 2.
    /// </summary>
    private static (string? Line1, string? Line2, string? Town) Address(string[] lines)
    {
        var used = lines.Where(l => l.Length > 0).ToList();
        if (used.Count > 2 && Counties.Contains(used[^1]))
        {
            used.RemoveAt(used.Count - 1);
        }

        var cased = used.Select(TitleCase.Apply).ToList();
        return cased.Count switch
        {
            0 => (null, null, null),
            1 => (cased[0], null, null),
            2 => (cased[0], null, cased[1]),
            _ => (cased[0], string.Join(", ", cased[1..^1]), cased[^1]),
        };
    }

    private static string? Optional(string value) => value.Length == 0 ? null : value;

    private static string? TooLong(string field, string? value, int maxLength) =>
        value is not null && value.Length > maxLength ? $"{field} is longer than {maxLength} characters" : null;

    [GeneratedRegex("^([A-Z][0-9]{5}|[A-Z]{3}[0-9]{3})$")]
    private static partial Regex PracticeCode();
}
