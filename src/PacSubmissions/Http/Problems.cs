using Microsoft.AspNetCore.Mvc;

namespace PacSubmissions.Http;

/// <summary>RFC 9457 problem responses: every refusal says what went wrong and what to do, in plain words.</summary>
internal static class Problems
{
    public static ObjectResult Result(int status, string title, string detail) =>
        new(new ProblemDetails { Status = status, Title = title, Detail = detail })
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };
}
