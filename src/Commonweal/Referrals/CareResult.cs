using FluentValidation.Results;

namespace Commonweal.Referrals;

/// <summary>
/// The outcome of an action on a person or referral: success with a value, or a refusal with a stable
/// code and a message for people; bad input also carries the errors for each field.
/// </summary>
public sealed record CareResult<T>(T? Value, string? ErrorCode, string? Message, ValidationResult? Validation = null)
{
    public bool Succeeded => ErrorCode is null;

    public static CareResult<T> Ok(T value) => new(value, null, null);

    public static CareResult<T> Fail(string code, string message) => new(default, code, message);

    public static CareResult<T> Invalid(ValidationResult validation) =>
        new(default, PersonErrors.Invalid, validation.Errors.FirstOrDefault()?.ErrorMessage ?? "Check the request.", validation);

    public static CareResult<T> Invalid(string field, string message) =>
        Invalid(new ValidationResult([new ValidationFailure(field, message)]));

    /// <summary>A refusal that belongs to one field (a duplicate, a closed service): a code of its own, shown beside the field.</summary>
    public static CareResult<T> Refuse(string code, string field, string message) =>
        new(default, code, message, new ValidationResult([new ValidationFailure(field, message)]));

    public static CareResult<T> From<TOther>(CareResult<TOther> other) => new(default, other.ErrorCode, other.Message, other.Validation);
}
