namespace Commonweal.Directory;

/// <summary>
/// The centre of a postcode or of a postcode district (outcode), for distance searches. Loaded
/// with `commonweal import postcodes`; a full postcode wins over its outcode when both are known.
/// </summary>
public sealed class PostcodeCentroid
{
    /// <summary>Normalised: "E3 2AN" or "E3".</summary>
    public required string Code { get; set; }

    public double Latitude { get; set; }
    public double Longitude { get; set; }
}
