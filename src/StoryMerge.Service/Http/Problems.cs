using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace StoryMerge.Service.Http;

/// <summary>RFC 7807 problem details for every refusal, each naming the input at fault.</summary>
public static class Problems
{
    /// <summary>400: the field and what is wrong with it (a validation problem: "errors" maps the field to the message).</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "The request is not valid",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    /// <summary>404: nothing under this id.</summary>
    public static ProblemHttpResult NotFound(string field, string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound, title: "Not found",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    /// <summary>403: the request may not do this (another origin, or a role that does not allow it).</summary>
    public static ProblemHttpResult Forbidden(string field, string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    /// <summary>503: the store cannot do this now (a full disk, a read-only database, a busy write lock); the reason, and when to try again.</summary>
    public static ProblemHttpResult Unavailable(string reason, string kind) =>
        TypedResults.Problem(reason, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The store cannot take this request now",
            extensions: new Dictionary<string, object?> { ["field"] = "store", ["fault"] = kind });

    /// <summary>422: the story cannot be analysed within its time budget; nothing is stored.</summary>
    public static ProblemHttpResult OverBudget(string field, string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Too costly to analyse",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    /// <summary>413: the body is over the limit.</summary>
    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem($"the request body is larger than {limit:N0} bytes", statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large", extensions: new Dictionary<string, object?> { ["field"] = "body", ["limit"] = limit });
}
