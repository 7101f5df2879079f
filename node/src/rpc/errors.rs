//! The errors every registry RPC method answers with, each with a message a person can act on.

use jsonrpsee::types::{error::INVALID_PARAMS_CODE, ErrorObjectOwned};

/// The error code of a failed runtime call.
const RUNTIME_ERROR_CODE: i32 = 1;

/// A parameter the method cannot use, and why.
pub fn invalid_params(message: impl Into<String>) -> ErrorObjectOwned {
    ErrorObjectOwned::owned(INVALID_PARAMS_CODE, message.into(), None::<()>)
}

/// The runtime API call failed (an unknown block, a runtime without the API).
pub fn runtime_error(error: impl std::fmt::Display) -> ErrorObjectOwned {
    ErrorObjectOwned::owned(
        RUNTIME_ERROR_CODE,
        format!("the runtime could not answer: {error}"),
        None::<()>,
    )
}

/// A page size between 1 and `max` (the runtime API's page limit), `max` if none is given.
pub fn page_limit(limit: Option<u32>, max: u32) -> Result<u32, ErrorObjectOwned> {
    let limit = limit.unwrap_or(max);
    if limit == 0 || limit > max {
        return Err(invalid_params(format!("limit must be between 1 and {max}")));
    }
    Ok(limit)
}
