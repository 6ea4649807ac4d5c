# common

## Counts

count-notes = { $count ->
    [one] { $count } note
   *[other] { $count } notes
}
