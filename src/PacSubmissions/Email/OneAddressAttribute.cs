using System.ComponentModel.DataAnnotations;
using PacSubmissions.Reports;

namespace PacSubmissions.Email;

/// <summary>
/// A setting that must be one e-mail address, by the rule every address here follows (<see cref="ContactFacts.IsAddress"/>),
/// not DataAnnotations' looser <see cref="EmailAddressAttribute"/>, which takes "hq@" or "a b@c". Empty is left to
/// <see cref="RequiredAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class OneAddressAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is null or "" || (value is string text && ContactFacts.IsAddress(text));
}
